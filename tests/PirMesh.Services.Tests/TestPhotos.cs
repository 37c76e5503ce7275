using SkiaSharp;

namespace PirMesh.Services.Tests;

/// <summary>A temporary folder of small photos with a class map, deleted on dispose.</summary>
public sealed class TestPhotos : IDisposable
{
    public TestPhotos(int perClass = 4)
    {
        Directory = Path.Combine(Path.GetTempPath(), "pirmesh-photos-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        var random = new Random(42);
        for (var i = 0; i < perClass; i++)
        {
            Write($"mountain{i}.png", random, bluish: false);
            Write($"beach{i}.png", random, bluish: true);
        }
        ClassMapFile = Path.Combine(Directory, "classes.map");
        File.WriteAllText(ClassMapFile, "# test classes\nmountain=mountains\nbeach=coasts\n");
    }

    public string Directory { get; }

    public string ClassMapFile { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private void Write(string name, Random random, bool bluish)
    {
        using var bitmap = new SKBitmap(96, 64);
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 96; x++)
            {
                var r = (byte)random.Next(0, 200);
                var b = (byte)(bluish ? random.Next(100, 256) : random.Next(0, 150));
                bitmap.SetPixel(x, y, new SKColor(r, (byte)((x + y) % 256), b));
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(Path.Combine(Directory, name), png.ToArray());
    }
}
