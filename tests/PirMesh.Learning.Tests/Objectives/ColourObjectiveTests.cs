using PirMesh.Learning.Objectives;
using static TorchSharp.torch;

namespace PirMesh.Learning.Tests.Objectives;

public sealed class ColourObjectiveTests
{
    private static Tensor Image(int height, int width, Func<int, (float R, float G, float B)> colourAtColumn)
    {
        var data = new float[3 * height * width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = colourAtColumn(x);
                data[y * width + x] = r;
                data[height * width + y * width + x] = g;
                data[2 * height * width + y * width + x] = b;
            }
        }
        return tensor(data, new long[] { 1, 3, height, width });
    }

    private static double Pir(string objective, Tensor image) =>
        ObjectiveCatalog.Parse(objective).TruePir(image).item<float>();

    [Theory]
    [InlineData("red")]
    [InlineData("green")]
    [InlineData("blue")]
    public void TruePir_GreyImage_IsSqrtOneThirdForAnySingleColour(string colour)
    {
        using var grey = Image(8, 8, _ => (0.5f, 0.5f, 0.5f));
        Assert.Equal(Math.Sqrt(1.0 / 3), Pir(colour, grey), 6);
    }

    [Fact]
    public void TruePir_PureRed_IsOneForRedAndZeroForBlue()
    {
        using var red = Image(8, 8, _ => (1f, 0f, 0f));
        Assert.Equal(1.0, Pir("red", red), 6);
        Assert.Equal(0.0, Pir("blue", red), 6);
    }

    [Fact]
    public void TruePir_LeftRedRightGreen_IsOneForRedGreenAndZeroForGreenRed()
    {
        using var image = Image(6, 10, x => x < 5 ? (1f, 0f, 0f) : (0f, 1f, 0f));
        Assert.Equal(1.0, Pir("red|green", image), 6);
        Assert.Equal(0.0, Pir("green|red", image), 6);
    }

    [Fact]
    public void TruePir_ThirdsGreenBlueRed_MatchesHandComputedShare()
    {
        // 9 columns: thirds are columns 0-2, 3-5, 6-8. Left third green, middle blue, right third white (1,1,1).
        using var image = Image(3, 9, x => x < 3 ? (0f, 1f, 0f) : x < 6 ? (0f, 0f, 1f) : (1f, 1f, 1f));
        // Chosen: green of third 1 (9 px), blue of third 2 (9 px), red of third 3 (9 px) = 27;
        // total squared: 9 + 9 + 27 = 45.
        Assert.Equal(Math.Sqrt(27.0 / 45), Pir("green|blue|red", image), 6);
    }

    [Fact]
    public void TruePir_BlackImage_IsZero()
    {
        using var black = Image(4, 4, _ => (0f, 0f, 0f));
        Assert.Equal(0.0, Pir("blue", black), 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("purple")]
    [InlineData("red|green|blue|red")]
    [InlineData("red||green")]
    public void Parse_BadName_ThrowsFormatExceptionNamingIt(string name)
    {
        var error = Assert.Throws<FormatException>(() => ObjectiveCatalog.Parse(name));
        Assert.Contains("objective", error.Message);
    }

    [Fact]
    public void Parse_MixedCase_GivesCanonicalName()
    {
        Assert.Equal("green|blue|red", ObjectiveCatalog.Parse("Green|BLUE|red").Name);
    }
}
