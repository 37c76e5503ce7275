using PirMesh.Imaging;

namespace PirMesh.Storage.Tests.Imaging;

public class ChartsTests
{
    private static readonly double[] Xs = [0, 1, 2, 3, 4];

    [Fact]
    public void Histograms_TwoSeries_PngOfRequestedSize()
    {
        var png = Charts.Histograms("scores", "score",
            [("real", [0.1, 0.2, 0.2, 0.3]), ("fake", [0.7, 0.8, 1.5])], bins: 10, width: 640, height: 400);

        using var bitmap = TestPhotos.Decode(png);
        Assert.Equal((640, 400), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Lines_TwoSeries_PngOfRequestedSize()
    {
        var png = Charts.Lines("loss", "step", "loss",
            [("generator", Xs, [3, 2, 1.5, 1.2, 1]), ("discriminator", Xs, [0.7, 0.7, 0.6, 0.7, 0.7])],
            width: 500, height: 300);

        using var bitmap = TestPhotos.Decode(png);
        Assert.Equal((500, 300), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Scatter_WithFit_PngOfRequestedSize()
    {
        var png = Charts.Scatter("fid", "round", "fid", [("runs", Xs, [5, 7, 9, 11, 13])], (2, 5), 420, 380);

        using var bitmap = TestPhotos.Decode(png);
        Assert.Equal((420, 380), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void MarkedScatter_FadedPointsTicksAndLines_PngOfRequestedSize()
    {
        MarkedPoint[] points =
        [
            new(0, 0.02, "single-colour", false), new(0.1, -0.01, "single-colour", true),
            new(1, 0.05, "two-colour", false), new(double.NaN, 0.3, "two-colour", false),
        ];
        ReferenceLine[] lines =
            [new("zero", 0, 0), new("fit", 1.5, 0.01, Emphasised: true), new("none", double.NaN, 0)];

        var png = Charts.MarkedScatter("change", "group", "change", points, lines, "faded: not significant",
            [(0, "single-colour"), (1, "two-colour")], 700, 450);

        using var bitmap = TestPhotos.Decode(png);
        Assert.Equal((700, 450), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void MarkedScatter_NoPoints_StillDraws()
    {
        var png = Charts.MarkedScatter("empty", "x", "y", [], [new("y = x", 1, 0)], width: 300, height: 200);

        using var bitmap = TestPhotos.Decode(png);
        Assert.Equal((300, 200), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Lines_XAndYLengthsDiffer_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.Lines("t", "x", "y", [("bad", Xs, [1, 2])]));

        Assert.Contains("bad", error.Message);
    }
}
