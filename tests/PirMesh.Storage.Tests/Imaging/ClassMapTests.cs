using PirMesh.Imaging;

namespace PirMesh.Storage.Tests.Imaging;

public class ClassMapTests
{
    private const string LandFolder = "/usr/share/games/endless-sky/images/land/";

    [Fact]
    public void Parse_CommentsBlankLinesAndCase_FirstMatchingLineWins()
    {
        const string text = """
            # scenes
            Snow = winter

            mountain=hills
            snowy-mountain = never reached
              BEACH=coast
            """;

        var map = ClassMap.Parse(text, "classes.txt");

        Assert.Equal(["winter", "hills", "never reached", "coast"], map.ClassNames);
        Assert.Equal(0, map.ClassOf("snowy-mountain4.jpg"));
        Assert.Equal(1, map.ClassOf("/some/folder/Mountain2.png"));
        Assert.Equal(3, map.ClassOf("sunny-beach.JPG"));
        Assert.Null(map.ClassOf("city2.jpg"));
    }

    [Theory]
    [InlineData("mountain\n")]
    [InlineData("=coast")]
    [InlineData("beach=")]
    [InlineData("a=b=c")]
    public void Parse_BadLine_ThrowsFormatExceptionNamingSourceAndLine(string badLine)
    {
        var text = "# header\nsea=coast\n" + badLine;

        var error = Assert.Throws<FormatException>(() => ClassMap.Parse(text, "classes.txt"));

        Assert.Contains("classes.txt line 3", error.Message);
    }

    [Fact]
    public void Parse_OnlyComments_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => ClassMap.Parse("# nothing\n\n", "empty.txt"));
    }

    [Fact]
    public void SingleClass_AnyName_IsClassZero()
    {
        var map = ClassMap.SingleClass("landscapes");

        Assert.Equal(["landscapes"], map.ClassNames);
        Assert.Equal(0, map.ClassOf("whatever.png"));
    }

    [Theory]
    [InlineData("mountain3.jpg", 0)]
    [InlineData("mountain12-sfiera.jpg", 0)]
    [InlineData("snow10-sfiera.jpg", 0)]
    [InlineData("canyon01.jpg", 0)]
    [InlineData("badlands9-harro.jpg", 0)]
    [InlineData("hills7-harro.jpg", 0)]
    [InlineData("valley0.jpg", 0)]
    [InlineData("beach1.jpg", 1)]
    [InlineData("BEACH2.JPG", 1)]
    [InlineData("sea17-harro.jpg", 1)]
    [InlineData("water0.jpg", 1)]
    [InlineData("city2.jpg", null)]
    [InlineData("desert0.jpg", null)]
    [InlineData("seasons1.jpg", null)]
    [InlineData("underwater1.jpg", null)]
    [InlineData("bwerner3.jpg", null)]
    public void EndlessSkyLandscapes_FileName_GetsSceneClass(string fileName, int? expected)
    {
        Assert.Equal(expected, ClassMap.EndlessSkyLandscapes.ClassOf(fileName));
    }

    [Fact]
    public void EndlessSkyLandscapes_InstalledPhotos_Have89MountainsAnd43Coasts()
    {
        Assert.SkipUnless(Directory.Exists(LandFolder), $"{LandFolder} is not installed (endless-sky-data)");
        var map = ClassMap.EndlessSkyLandscapes;

        var classes = PhotoFolder.ListPhotoFiles(LandFolder).Select(f => map.ClassOf(f)).ToList();

        Assert.Equal(89, classes.Count(c => c == 0));
        Assert.Equal(43, classes.Count(c => c == 1));
        Assert.Equal(["mountains", "coasts"], map.ClassNames);
    }
}
