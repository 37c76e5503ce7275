using System.Runtime.InteropServices;
using SkiaSharp;

namespace PirMesh.Imaging;

/// <summary>Writes sample grids of an <see cref="ImageBatch"/> as PNG, for people to look at.</summary>
public static class PngWriter
{
    /// <summary>Images per row in <see cref="GridByClass"/>.</summary>
    public const int ByClassColumns = 8;

    /// <summary>Height of the label line above each class block of <see cref="GridByClass"/>, in pixels.</summary>
    public const int LabelHeight = 18;

    private static readonly SKColor Background = new(24, 24, 24);

    /// <summary>
    /// A grid of the chosen images, row by row, each enlarged <paramref name="scale"/> times by repeating
    /// pixels (so that single pixels stay visible) and separated by <paramref name="padding"/> pixels.
    /// The PNG is padding + columns × (width × scale + padding) wide and
    /// padding + rows × (height × scale + padding) high.
    /// </summary>
    public static byte[] Grid(ImageBatch batch, IReadOnlyList<int> indices, int columns, int scale = 2,
        int padding = 2)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        var rows = Math.Max(1, RowsFor(indices.Count, columns));
        var (cellWidth, cellHeight) = (batch.Width * scale + padding, batch.Height * scale + padding);
        var canvas = new GridCanvas(padding + columns * cellWidth, padding + rows * cellHeight);
        for (var i = 0; i < indices.Count; i++)
        {
            canvas.Draw(batch, indices[i], padding + i % columns * cellWidth, padding + i / columns * cellHeight,
                scale);
        }

        return canvas.Encode([]);
    }

    /// <summary>
    /// One grid with a block per class: a label line, then up to <paramref name="perClass"/> images of the
    /// class in rows of 8. Labels are skipped when no font is available.
    /// </summary>
    public static byte[] GridByClass(ImageBatch batch, IReadOnlyList<string> classNames, int perClass = 64,
        int scale = 2, int padding = 2)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perClass);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        var (cellWidth, cellHeight) = (batch.Width * scale + padding, batch.Height * scale + padding);
        var classCount = Math.Max(classNames.Count, batch.ClassCount);
        var members = Enumerable.Range(0, classCount)
            .Select(c => Enumerable.Range(0, batch.Count).Where(i => batch.Classes[i] == c).ToList())
            .ToList();
        var blockHeights = members
            .Select(list => LabelHeight + RowsFor(Math.Min(list.Count, perClass), ByClassColumns) * cellHeight)
            .ToList();
        var canvas = new GridCanvas(padding + ByClassColumns * cellWidth, padding + blockHeights.Sum());

        var labels = new List<(string Text, int X, int Y)>();
        var top = padding;
        for (var c = 0; c < classCount; c++)
        {
            var name = c < classNames.Count ? classNames[c] : $"class {c}";
            var shown = members[c].Take(perClass).ToList();
            labels.Add(($"{name}: {shown.Count} of {members[c].Count}", padding, top + LabelHeight - 5));
            for (var i = 0; i < shown.Count; i++)
            {
                var x = padding + i % ByClassColumns * cellWidth;
                var y = top + LabelHeight + i / ByClassColumns * cellHeight;
                canvas.Draw(batch, shown[i], x, y, scale);
            }

            top += blockHeights[c];
        }

        return canvas.Encode(labels);
    }

    private static int RowsFor(int images, int columns) => (images + columns - 1) / columns;

    /// <summary>An RGBA buffer the grids are painted into before encoding.</summary>
    private sealed class GridCanvas(int width, int height)
    {
        private readonly byte[] _rgba = CreateBackground(width, height);

        public void Draw(ImageBatch batch, int index, int left, int top, int scale)
        {
            var image = batch.Image(index);
            var plane = batch.Height * batch.Width;
            for (var y = 0; y < batch.Height * scale; y++)
            {
                var row = (top + y) * width;
                for (var x = 0; x < batch.Width * scale; x++)
                {
                    var source = y / scale * batch.Width + x / scale;
                    var target = 4 * (row + left + x);
                    for (var c = 0; c < 3; c++)
                    {
                        // A one-channel batch is grey: the same plane for R, G and B.
                        _rgba[target + c] = image[(batch.Channels == 3 ? c * plane : 0) + source];
                    }
                }
            }
        }

        public byte[] Encode(IReadOnlyList<(string Text, int X, int Y)> labels)
        {
            var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
            using var bitmap = new SKBitmap(info);
            for (var y = 0; y < height; y++)
            {
                Marshal.Copy(_rgba, y * width * 4, bitmap.GetPixels() + y * bitmap.RowBytes, width * 4);
            }

            if (labels.Count > 0)
            {
                DrawLabels(bitmap, labels);
            }

            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            return data.ToArray();
        }

        private static void DrawLabels(SKBitmap bitmap, IReadOnlyList<(string Text, int X, int Y)> labels)
        {
            // Skia's default typeface comes from fontconfig; a machine without fonts yields an empty one,
            // and then the grid is still worth having without its labels.
            var typeface = SKTypeface.Default;
            if (typeface is null || typeface.GlyphCount == 0)
            {
                return;
            }

            using var canvas = new SKCanvas(bitmap);
            using var font = new SKFont(typeface, 13);
            using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
            foreach (var (text, x, y) in labels)
            {
                canvas.DrawText(text, x, y, SKTextAlign.Left, font, paint);
            }
        }

        private static byte[] CreateBackground(int width, int height)
        {
            var rgba = new byte[checked(width * height * 4)];
            for (var i = 0; i < rgba.Length; i += 4)
            {
                (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) =
                    (Background.Red, Background.Green, Background.Blue, 255);
            }

            return rgba;
        }
    }
}
