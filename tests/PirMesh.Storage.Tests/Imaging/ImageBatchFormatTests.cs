using PirMesh.Imaging;

namespace PirMesh.Storage.Tests.Imaging;

public class ImageBatchFormatTests
{
    private static ImageBatch Sample()
    {
        var pixels = Enumerable.Range(0, 3 * 3 * 4 * 5).Select(i => (byte)(i * 11)).ToArray();
        return new ImageBatch(3, 3, 4, 5, [0, 2, 1], pixels, classCount: 4);
    }

    [Fact]
    public void Serialize_ThenDeserialize_RoundTripsEveryField()
    {
        var batch = Sample();

        var bytes = ImageBatchFormat.Serialize(batch);
        var copy = ImageBatchFormat.Deserialize(bytes);

        Assert.Equal("PMIB"u8.ToArray(), bytes[..4]);
        Assert.Equal(4 + 6 * 4 + 3 * 4 + batch.Pixels.Length, bytes.Length);
        Assert.Equal((3, 3, 4, 5, 4), (copy.Count, copy.Channels, copy.Height, copy.Width, copy.ClassCount));
        Assert.Equal(batch.Classes, copy.Classes);
        Assert.Equal(batch.Pixels, copy.Pixels);
        Assert.Equal(batch.At(2, 1, 3, 4), copy.At(2, 1, 3, 4));
    }

    [Fact]
    public void Deserialize_LastByteMissing_ThrowsTruncatedNamingPixelCounts()
    {
        var bytes = ImageBatchFormat.Serialize(Sample());

        var error = Assert.Throws<InvalidDataException>(() => ImageBatchFormat.Deserialize(bytes.AsSpan(..^1)));

        Assert.Contains("truncated", error.Message);
        Assert.Contains("expected 180 bytes of pixels, found 179", error.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    [InlineData(35)]
    public void Deserialize_CutInHeaderOrClasses_ThrowsTruncated(int length)
    {
        var bytes = ImageBatchFormat.Serialize(Sample());

        var error = Assert.Throws<InvalidDataException>(() => ImageBatchFormat.Deserialize(bytes.AsSpan(0, length)));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Deserialize_BadMagic_ThrowsInvalidData()
    {
        var bytes = ImageBatchFormat.Serialize(Sample());
        bytes[0] = (byte)'X';

        var error = Assert.Throws<InvalidDataException>(() => ImageBatchFormat.Deserialize(bytes));

        Assert.Contains("PMIB", error.Message);
    }

    [Fact]
    public void Deserialize_ClassOutOfRange_ThrowsInvalidData()
    {
        var bytes = ImageBatchFormat.Serialize(Sample());
        bytes[4 + 6 * 4 + 4] = 9;

        var error = Assert.Throws<InvalidDataException>(() => ImageBatchFormat.Deserialize(bytes));

        Assert.Contains("class 9", error.Message);
    }

    [Fact]
    public void Deserialize_TrailingBytes_ThrowsInvalidData()
    {
        var bytes = ImageBatchFormat.Serialize(Sample());

        Assert.Throws<InvalidDataException>(() => ImageBatchFormat.Deserialize([.. bytes, 0]));
    }

    [Fact]
    public void Constructor_PixelCountWrong_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => new ImageBatch(2, 3, 4, 4, [0, 0], new byte[95]));

        Assert.Contains("96", error.Message);
    }

    [Fact]
    public void Constructor_ClassIndexBeyondClassCount_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new ImageBatch(1, 3, 1, 1, [2], new byte[3], classCount: 2));
    }
}
