namespace PirMesh.Imaging;

/// <summary>
/// A batch of same-sized images with a class label each, pixels as bytes (0-255) in NCHW order: image,
/// then channel (R, G, B), then row, then column — the layout a tensor library takes without reshuffling.
/// The batch takes ownership of the arrays it is given; it does not copy them.
/// </summary>
public sealed class ImageBatch
{
    /// <summary>Checks that the sizes agree and wraps the arrays.</summary>
    /// <param name="count">Number of images.</param>
    /// <param name="channels">Channels per image: 3 for RGB, 1 for grey.</param>
    /// <param name="height">Rows per image.</param>
    /// <param name="width">Columns per image.</param>
    /// <param name="classes">Class index per image, each in [0, classCount).</param>
    /// <param name="pixels">count × channels × height × width bytes.</param>
    /// <param name="classCount">Number of classes; defaults to the largest class index plus one.</param>
    /// <exception cref="ArgumentException">A size is out of range or the arrays do not match the sizes.</exception>
    public ImageBatch(int count, int channels, int height, int width, int[] classes, byte[] pixels,
        int? classCount = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (channels is not (1 or 3))
        {
            throw new ArgumentException($"an image batch has 1 or 3 channels, not {channels}", nameof(channels));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (classes.Length != count)
        {
            throw new ArgumentException(
                $"an image batch of {count} images needs {count} class indices, got {classes.Length}",
                nameof(classes));
        }

        var expected = (long)count * channels * height * width;
        if (pixels.LongLength != expected)
        {
            throw new ArgumentException(
                $"an image batch of {count} x {channels} x {height} x {width} needs {expected} pixel bytes, "
                + $"got {pixels.LongLength}",
                nameof(pixels));
        }

        var classTotal = classCount ?? (count == 0 ? 1 : classes.Max() + 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classTotal, nameof(classCount));
        var bad = Array.FindIndex(classes, c => c < 0 || c >= classTotal);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"image {bad} has class {classes[bad]}, outside [0, {classTotal})", nameof(classes));
        }

        Count = count;
        Channels = channels;
        Height = height;
        Width = width;
        Classes = classes;
        Pixels = pixels;
        ClassCount = classTotal;
    }

    /// <summary>Number of images.</summary>
    public int Count { get; }

    /// <summary>Channels per image (3: R, G, B).</summary>
    public int Channels { get; }

    /// <summary>Rows per image.</summary>
    public int Height { get; }

    /// <summary>Columns per image.</summary>
    public int Width { get; }

    /// <summary>Number of classes; every entry of <see cref="Classes"/> is below it.</summary>
    public int ClassCount { get; }

    /// <summary>Class index per image.</summary>
    public int[] Classes { get; }

    /// <summary>All pixels, NCHW.</summary>
    public byte[] Pixels { get; }

    /// <summary>Bytes per image: channels × height × width.</summary>
    public int ImageLength => Channels * Height * Width;

    /// <summary>The pixels of one image, CHW.</summary>
    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(Offset(index), ImageLength);

    /// <summary>The pixels of one image, CHW, for writing.</summary>
    public Span<byte> MutableImage(int index) => Pixels.AsSpan(Offset(index), ImageLength);

    /// <summary>One sample value.</summary>
    public byte At(int index, int channel, int y, int x)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Channels);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        return Pixels[Offset(index) + (channel * Height + y) * Width + x];
    }

    private int Offset(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return checked(index * ImageLength);
    }
}
