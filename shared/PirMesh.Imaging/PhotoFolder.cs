using SkiaSharp;

namespace PirMesh.Imaging;

/// <summary>Loads the JPEG and PNG photos of one folder (not its subfolders) as RGB bytes.</summary>
public static class PhotoFolder
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];

    /// <summary>
    /// The JPEG and PNG files directly in <paramref name="dir"/> (extension case ignored), sorted by name
    /// (ordinal) so that the same folder always yields the same order.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<string> ListPhotoFiles(string dir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"photo folder {dir} does not exist");
        }

        return Directory.EnumerateFiles(dir)
            .Where(path => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .OrderBy(path => Path.GetFileName(path), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Decodes every photo in <paramref name="dir"/> that <paramref name="map"/> assigns a class to; the
    /// others are skipped without being read.
    /// </summary>
    /// <param name="minSide">Smallest allowed width or height, in pixels.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The folder has no photos, none matches the map, a photo cannot be decoded, or one is smaller than
    /// <paramref name="minSide"/>.
    /// </exception>
    public static IReadOnlyList<Photo> Load(string dir, ClassMap map, int minSide)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSide);
        var files = ListPhotoFiles(dir);
        if (files.Count == 0)
        {
            throw new InvalidDataException($"no JPEG or PNG photos in {dir}");
        }

        var photos = new List<Photo>();
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            if (map.ClassOf(name) is not { } classIndex)
            {
                continue;
            }

            var (width, height, rgb) = DecodeRgb(path);
            if (Math.Min(width, height) < minSide)
            {
                throw new InvalidDataException(
                    $"photo {path} is {width}x{height}, smaller than the minimum side of {minSide} pixels");
            }

            photos.Add(new Photo(path, name, classIndex, width, height, rgb));
        }

        if (photos.Count == 0)
        {
            var classes = string.Join(", ", map.ClassNames);
            throw new InvalidDataException(
                $"none of the {files.Count} photos in {dir} matches the class map (classes: {classes})");
        }

        return photos;
    }

    /// <summary>Decodes one JPEG or PNG file to interleaved RGB, dropping alpha.</summary>
    /// <exception cref="InvalidDataException">The file is not a complete JPEG or PNG image.</exception>
    public static (int Width, int Height, byte[] Rgb) DecodeRgb(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var codec = SKCodec.Create(path, out var created);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
        {
            var found = codec is null ? created.ToString() : $"{codec.EncodedFormat} data";
            throw new InvalidDataException($"cannot decode photo {path}: not a valid JPEG/PNG image ({found})");
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());

        // A cut-off file still "decodes" with the missing rows filled in; that is not a photo to train on.
        if (result != SKCodecResult.Success)
        {
            throw new InvalidDataException($"cannot decode photo {path}: not a valid JPEG/PNG image ({result})");
        }

        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[info.Width * info.Height * 3];
        for (var y = 0; y < info.Height; y++)
        {
            var row = rgba.Slice(y * bitmap.RowBytes, info.Width * 4);
            var target = rgb.AsSpan(y * info.Width * 3, info.Width * 3);
            for (var x = 0; x < info.Width; x++)
            {
                target[3 * x] = row[4 * x];
                target[3 * x + 1] = row[4 * x + 1];
                target[3 * x + 2] = row[4 * x + 2];
            }
        }

        return (info.Width, info.Height, rgb);
    }
}
