using PirMesh.Imaging;

namespace PirMesh.Storage.Tests.Imaging;

public class CropSamplerTests
{
    private static readonly (byte, byte, byte) Red = (255, 0, 0);
    private static readonly (byte, byte, byte) Blue = (0, 0, 255);
    private static readonly (byte, byte, byte) Black = (0, 0, 0);
    private static readonly (byte, byte, byte) White = (255, 255, 255);

    private static readonly Photo[] Textured =
    [
        TestPhotos.InMemory(90, 60, (x, y) => ((byte)(x * 2), (byte)(y * 4), (byte)(x ^ y)), 0, "a"),
        TestPhotos.InMemory(70, 80, (x, y) => ((byte)(x * y), (byte)x, (byte)y), 1, "b"),
    ];

    [Fact]
    public void BuildCropPool_SameSeed_SameBytes()
    {
        var first = CropSampler.BuildCropPool(Textured, 200, 16, seed: 42);
        var second = CropSampler.BuildCropPool(Textured, 200, 16, seed: 42);

        Assert.Equal(first.Pixels, second.Pixels);
        Assert.Equal(first.Classes, second.Classes);
        Assert.Equal((200, 3, 16, 16), (first.Count, first.Channels, first.Height, first.Width));
    }

    [Fact]
    public void BuildCropPool_DifferentSeed_DifferentBytes()
    {
        var first = CropSampler.BuildCropPool(Textured, 50, 16, seed: 1);
        var second = CropSampler.BuildCropPool(Textured, 50, 16, seed: 2);

        Assert.NotEqual(first.Pixels, second.Pixels);
    }

    [Fact]
    public void BuildCropPool_TwoThreads_SameBytesAsOne()
    {
        var one = CropSampler.BuildCropPool(Textured, 300, 8, seed: 9, threads: 1);
        var two = CropSampler.BuildCropPool(Textured, 300, 8, seed: 9, threads: 2);

        Assert.Equal(one.Pixels, two.Pixels);
    }

    [Fact]
    public void BuildCropPool_UniformRedPhoto_EveryPixelRed()
    {
        var red = TestPhotos.InMemory(123, 77, (_, _) => Red);

        var pool = CropSampler.BuildCropPool([red], 40, 12, seed: 3);

        var plane = 12 * 12;
        for (var i = 0; i < pool.Count; i++)
        {
            var image = pool.Image(i);
            Assert.All(image[..plane].ToArray(), v => Assert.InRange(v, 254, 255));
            Assert.All(image[plane..].ToArray(), v => Assert.InRange(v, 0, 1));
        }
    }

    [Fact]
    public void BuildCropPool_OnePixelStripes_AveragedToGreyNotAliased()
    {
        var stripes = TestPhotos.InMemory(200, 200, (x, _) => x % 2 == 0 ? Black : White);

        var pool = CropSampler.BuildCropPool([stripes], 20, 16, seed: 4);

        Assert.All(pool.Pixels, v => Assert.InRange(v, 100, 155));
    }

    [Fact]
    public void BuildCropPool_LeftRedRightBlue_LeftColumnRedOrBlueDependingOnFlip()
    {
        // Taller than wide, so the crop side is at least half the width and most crops straddle the middle.
        var photo = TestPhotos.InMemory(64, 128, (x, _) => x < 32 ? Red : Blue);
        const int resolution = 8;

        var pool = CropSampler.BuildCropPool([photo], 400, resolution, seed: 11);

        var (redLeft, blueLeft) = (0, 0);
        for (var i = 0; i < pool.Count; i++)
        {
            var left = Column(pool, i, 0);
            var right = Column(pool, i, resolution - 1);
            redLeft += left.All(IsRed) && right.All(IsBlue) ? 1 : 0;
            blueLeft += left.All(IsBlue) && right.All(IsRed) ? 1 : 0;
        }

        Assert.InRange(redLeft, 120, 280);
        Assert.InRange(blueLeft, 120, 280);
    }

    [Fact]
    public void BuildCropPool_UnevenPhotosPerClass_ClassesBalanced()
    {
        Photo[] photos =
        [
            TestPhotos.InMemory(40, 40, (_, _) => (0, 0, 0), 0),
            .. Enumerable.Range(0, 5).Select(_ => TestPhotos.InMemory(40, 40, (_, _) => (9, 9, 9), 1)),
        ];

        var pool = CropSampler.BuildCropPool(photos, 4000, 4, seed: 5);

        Assert.InRange(pool.Classes.Count(c => c == 0), 1800, 2200);
        Assert.Equal(2, pool.ClassCount);
        Assert.All(Enumerable.Range(0, pool.Count),
            i => Assert.Equal(pool.Classes[i] == 0 ? 0 : 9, pool.At(i, 0, 0, 0)));
    }

    private static (byte R, byte G, byte B)[] Column(ImageBatch batch, int index, int x) =>
        Enumerable.Range(0, batch.Height)
            .Select(y => (batch.At(index, 0, y, x), batch.At(index, 1, y, x), batch.At(index, 2, y, x)))
            .ToArray();

    private static bool IsRed((byte R, byte G, byte B) p) => p is { R: >= 254, G: <= 1, B: <= 1 };

    private static bool IsBlue((byte R, byte G, byte B) p) => p is { R: <= 1, G: <= 1, B: >= 254 };
}
