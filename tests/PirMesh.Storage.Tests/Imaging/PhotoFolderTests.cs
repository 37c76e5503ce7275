using PirMesh.Imaging;
using SkiaSharp;

namespace PirMesh.Storage.Tests.Imaging;

public class PhotoFolderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_PngAndJpeg_DecodedInNameOrderWithSizesAndColours()
    {
        TestPhotos.Write(_dir.File("b-red.png"), 40, 30, new SKColor(255, 0, 0));
        TestPhotos.Write(_dir.File("a-blue.JPG"), 20, 50, new SKColor(0, 0, 255), SKEncodedImageFormat.Jpeg);
        TestPhotos.Write(_dir.File("c-green.jpeg"), 16, 16, new SKColor(0, 255, 0), SKEncodedImageFormat.Jpeg);
        File.WriteAllText(_dir.File("notes.txt"), "not a photo");

        var photos = PhotoFolder.Load(_dir.Path, ClassMap.SingleClass(), 16);

        Assert.Equal(["a-blue.JPG", "b-red.png", "c-green.jpeg"], photos.Select(p => p.Name));
        Assert.Equal((20, 50), (photos[0].Width, photos[0].Height));
        Assert.Equal((40, 30), (photos[1].Width, photos[1].Height));
        Assert.Equal(40 * 30 * 3, photos[1].Rgb.Length);
        Assert.Equal([255, 0, 0], photos[1].Rgb[^3..]);
        Assert.InRange(photos[0].Rgb[2], 250, 255);
        Assert.InRange(photos[0].Rgb[0], 0, 5);
        Assert.InRange(photos[2].Rgb[1], 250, 255);
    }

    [Fact]
    public void Load_FilesMatchingNoRule_AreSkippedWithoutDecoding()
    {
        TestPhotos.Write(_dir.File("beach1.png"), 20, 20, SKColors.White);
        TestPhotos.Write(_dir.File("city1.png"), 20, 20, SKColors.White);
        File.WriteAllBytes(_dir.File("junk.jpg"), [1, 2, 3]);
        var map = ClassMap.Parse("beach=coasts\nmountain=mountains", "test map");

        var photo = Assert.Single(PhotoFolder.Load(_dir.Path, map, 8));

        Assert.Equal(("beach1.png", 0), (photo.Name, photo.ClassIndex));
    }

    [Fact]
    public void Load_RandomBytesNamedJpg_ThrowsInvalidDataNamingFile()
    {
        TestPhotos.Write(_dir.File("good.png"), 20, 20, SKColors.White);
        var junk = new byte[4096];
        new Random(5).NextBytes(junk);
        File.WriteAllBytes(_dir.File("x.jpg"), junk);

        var error = Assert.Throws<InvalidDataException>(() => PhotoFolder.Load(_dir.Path, ClassMap.SingleClass(), 8));

        Assert.Contains("x.jpg", error.Message);
        Assert.Contains("not a valid JPEG/PNG image", error.Message);
    }

    [Fact]
    public void Load_TruncatedJpeg_ThrowsInvalidDataNamingFile()
    {
        var path = _dir.File("cut.jpg");
        TestPhotos.Write(path, 64, 64, SKColors.Orange, SKEncodedImageFormat.Jpeg);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => PhotoFolder.Load(_dir.Path, ClassMap.SingleClass(), 8));

        Assert.Contains("cut.jpg", error.Message);
    }

    [Fact]
    public void Load_PhotoSmallerThanMinSide_ThrowsNamingFile()
    {
        TestPhotos.Write(_dir.File("big.png"), 64, 64, SKColors.White);
        TestPhotos.Write(_dir.File("small.png"), 64, 31, SKColors.White);

        var error = Assert.Throws<InvalidDataException>(() => PhotoFolder.Load(_dir.Path, ClassMap.SingleClass(), 32));

        Assert.Contains("small.png", error.Message);
        Assert.Contains("64x31", error.Message);
    }

    [Fact]
    public void Load_EmptyFolder_ThrowsNoPhotos()
    {
        File.WriteAllText(_dir.File("readme.txt"), "no photos here");

        var error = Assert.Throws<InvalidDataException>(() => PhotoFolder.Load(_dir.Path, ClassMap.SingleClass(), 8));

        Assert.Equal($"no JPEG or PNG photos in {_dir.Path}", error.Message);
    }

    [Fact]
    public void Load_NoPhotoMatchesMap_ThrowsInvalidData()
    {
        TestPhotos.Write(_dir.File("city1.png"), 20, 20, SKColors.White);

        var error = Assert.Throws<InvalidDataException>(
            () => PhotoFolder.Load(_dir.Path, ClassMap.EndlessSkyLandscapes, 8));

        Assert.Contains("none of the 1 photos", error.Message);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsDirectoryNotFoundNamingIt()
    {
        var missing = _dir.File("does-not-exist");

        var error = Assert.Throws<DirectoryNotFoundException>(
            () => PhotoFolder.Load(missing, ClassMap.SingleClass(), 8));

        Assert.Contains(missing, error.Message);
    }
}
