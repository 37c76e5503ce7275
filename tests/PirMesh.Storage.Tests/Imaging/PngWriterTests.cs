using PirMesh.Imaging;

namespace PirMesh.Storage.Tests.Imaging;

public class PngWriterTests
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47];

    private static ImageBatch Batch(int count, int height, int width, Func<int, int> classOf)
    {
        var pixels = new byte[count * 3 * height * width];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i * 37);
        }

        return new ImageBatch(count, 3, height, width, Enumerable.Range(0, count).Select(classOf).ToArray(), pixels);
    }

    [Fact]
    public void Grid_FiveImagesTwoColumns_PngOfGridSizeWithScaledPixels()
    {
        var batch = Batch(6, 3, 4, _ => 0);

        var png = PngWriter.Grid(batch, [5, 0, 1, 2, 3], columns: 2, scale: 3, padding: 1);

        Assert.Equal(PngMagic, png[..4]);
        using var bitmap = TestPhotos.Decode(png);
        Assert.Equal((1 + 2 * (4 * 3 + 1), 1 + 3 * (3 * 3 + 1)), (bitmap.Width, bitmap.Height));

        // First cell shows image 5; its pixel (x 2, y 1) covers output pixels 1 + 6..8, 1 + 3..5.
        var pixel = bitmap.GetPixel(1 + 2 * 3 + 2, 1 + 1 * 3 + 1);
        Assert.Equal(batch.At(5, 0, 1, 2), pixel.Red);
        Assert.Equal(batch.At(5, 1, 1, 2), pixel.Green);
        Assert.Equal(batch.At(5, 2, 1, 2), pixel.Blue);
    }

    [Fact]
    public void GridByClass_TwoClasses_OneBlockEachOfAtMostPerClassImages()
    {
        var batch = Batch(30, 5, 6, i => i % 3 == 0 ? 1 : 0);

        var png = PngWriter.GridByClass(batch, ["mountains", "coasts"], perClass: 9, scale: 2, padding: 2);

        Assert.Equal(PngMagic, png[..4]);
        using var bitmap = TestPhotos.Decode(png);
        var (cellWidth, cellHeight) = (6 * 2 + 2, 5 * 2 + 2);
        Assert.Equal(2 + PngWriter.ByClassColumns * cellWidth, bitmap.Width);

        // Class 0 has 20 images and class 1 has 10; both show 9, which is two rows of 8.
        Assert.Equal(2 + 2 * (PngWriter.LabelHeight + 2 * cellHeight), bitmap.Height);
    }

    [Fact]
    public void Grid_IndexOutsideBatch_Throws()
    {
        var batch = Batch(2, 3, 3, _ => 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => PngWriter.Grid(batch, [2], columns: 1));
    }
}
