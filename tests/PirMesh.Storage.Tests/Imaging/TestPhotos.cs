using PirMesh.Imaging;
using SkiaSharp;

namespace PirMesh.Storage.Tests.Imaging;

/// <summary>Small synthetic photos, in memory and as encoded files.</summary>
public static class TestPhotos
{
    public static Photo InMemory(int width, int height, Func<int, int, (byte R, byte G, byte B)> color,
        int classIndex = 0, string name = "synthetic")
    {
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = color(x, y);
                (rgb[3 * (y * width + x)], rgb[3 * (y * width + x) + 1], rgb[3 * (y * width + x) + 2]) = (r, g, b);
            }
        }

        return new Photo(name, name, classIndex, width, height, rgb);
    }

    public static void Write(string path, int width, int height, SKColor color,
        SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var data = bitmap.Encode(format, 95);
        File.WriteAllBytes(path, data.ToArray());
    }

    public static SKBitmap Decode(byte[] png) =>
        SKBitmap.Decode(png) ?? throw new InvalidOperationException("PNG did not decode");
}
