using System.Buffers.Binary;

namespace PirMesh.Imaging;

/// <summary>
/// The binary form of an <see cref="ImageBatch"/>, all integers little-endian:
/// magic <c>PMIB</c>, int32 version (1), int32 count, channels, height, width, class count,
/// then count int32 class indices, then the NCHW pixel bytes. Nothing follows the pixels.
/// </summary>
public static class ImageBatchFormat
{
    /// <summary>Format version written and accepted.</summary>
    public const int Version = 1;

    private const int HeaderInts = 6;
    private const int HeaderLength = 4 + 4 * HeaderInts;
    private static ReadOnlySpan<byte> Magic => "PMIB"u8;

    /// <summary>Encodes a batch.</summary>
    public static byte[] Serialize(ImageBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var length = HeaderLength + 4L * batch.Count + batch.Pixels.LongLength;
        if (length > Array.MaxLength)
        {
            throw new ArgumentException($"image batch is too large to serialize ({length} bytes)", nameof(batch));
        }

        var bytes = new byte[length];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        int[] header = [Version, batch.Count, batch.Channels, batch.Height, batch.Width, batch.ClassCount];
        for (var i = 0; i < header.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[(4 + 4 * i)..], header[i]);
        }

        var classes = span[HeaderLength..];
        for (var i = 0; i < batch.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(classes[(4 * i)..], batch.Classes[i]);
        }

        batch.Pixels.CopyTo(classes[(4 * batch.Count)..]);
        return bytes;
    }

    /// <summary>Decodes a batch, checking every size and index against the data.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a complete, consistent image batch.</exception>
    public static ImageBatch Deserialize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 && Magic.StartsWith(data))
        {
            throw new InvalidDataException($"image batch is truncated: found only {data.Length} bytes");
        }

        if (data.Length < 4 || !data[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("not an image batch: the data does not start with the magic 'PMIB'");
        }

        if (data.Length < HeaderLength)
        {
            throw new InvalidDataException(
                $"image batch is truncated: expected a {HeaderLength}-byte header, found {data.Length} bytes");
        }

        var version = ReadInt(data, 0);
        if (version != Version)
        {
            throw new InvalidDataException(
                $"image batch has format version {version}; only version {Version} is supported");
        }

        var (count, channels, height, width, classCount) =
            (ReadInt(data, 1), ReadInt(data, 2), ReadInt(data, 3), ReadInt(data, 4), ReadInt(data, 5));
        if (count < 0 || channels is not (1 or 3) || height <= 0 || width <= 0 || classCount <= 0)
        {
            throw new InvalidDataException(
                $"image batch header is invalid: count {count}, channels {channels}, height {height}, "
                + $"width {width}, class count {classCount}");
        }

        var body = data[HeaderLength..];
        var classBytes = 4L * count;
        if (body.Length < classBytes)
        {
            throw new InvalidDataException(
                $"image batch is truncated: expected {classBytes} bytes of class indices, found {body.Length}");
        }

        var classes = new int[count];
        for (var i = 0; i < count; i++)
        {
            classes[i] = BinaryPrimitives.ReadInt32LittleEndian(body[(4 * i)..]);
            if (classes[i] < 0 || classes[i] >= classCount)
            {
                throw new InvalidDataException(
                    $"image batch is invalid: image {i} has class {classes[i]}, outside [0, {classCount})");
            }
        }

        var pixels = body[(int)classBytes..];
        var pixelBytes = (long)count * channels * height * width;
        if (pixels.Length < pixelBytes)
        {
            throw new InvalidDataException(
                $"image batch is truncated: expected {pixelBytes} bytes of pixels, found {pixels.Length}");
        }

        if (pixels.Length > pixelBytes)
        {
            throw new InvalidDataException(
                $"image batch has {pixels.Length - pixelBytes} unexpected bytes after the pixels");
        }

        return new ImageBatch(count, channels, height, width, classes, pixels.ToArray(), classCount);
    }

    private static int ReadInt(ReadOnlySpan<byte> data, int headerIndex) =>
        BinaryPrimitives.ReadInt32LittleEndian(data[(4 + 4 * headerIndex)..]);
}
