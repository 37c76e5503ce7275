using System.Text;
using PirMesh.ServiceDefaults;

namespace PirMesh.Services.Tests;

public sealed class InteractionTableTests
{
    [Fact]
    public void ToCsvThenParse_RoundTrip_KeepsCountsAndTruePirs()
    {
        var table = new InteractionTable([new(1000, 250, 0.25), new(10, 0, null), new(7, 7, 1.0)]);

        var parsed = InteractionTable.Parse(table.ToCsv(), "test");

        Assert.Equal(table.Rows, parsed.Rows);
        Assert.Equal([0.25, 0.0, 1.0], parsed.Observed());
        Assert.Null(parsed.True());
    }

    [Theory]
    [InlineData("image,impressions,positives\n0,10,3\n", "first line")]
    [InlineData("image,impressions,positives,true_pir\n0,10,three,\n", "line 2")]
    [InlineData("image,impressions,positives,true_pir\n0,10,3,\n2,10,3,\n", "line 3")]
    [InlineData("image,impressions,positives,true_pir\n0,10,11,\n", "11 positives of 10")]
    [InlineData("image,impressions,positives,true_pir\n0,0,0,\n", "0 positives of 0")]
    [InlineData("image,impressions,positives,true_pir\n0,10,3,1.5\n", "outside [0, 1]")]
    public void Parse_Malformed_ThrowsNamingTheSourceAndTheProblem(string csv, string expected)
    {
        var error = Assert.Throws<FormatException>(() => InteractionTable.Parse(Encoding.UTF8.GetBytes(csv), "x.csv"));
        Assert.Contains("x.csv", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Spread_TruePirsKnown_SampleSdAndShareAtOrAboveOneHundredth()
    {
        // Mean 0.155; deviations -0.15, -0.05, 0.05, 0.15; squares sum to 0.05; s = sqrt(0.05 / 3).
        // 0.005 lies in the estimator's first bin [0, 0.01): three of four are non-zero.
        var table = new InteractionTable(
            [new(100, 1, 0.005), new(100, 10, 0.105), new(100, 20, 0.205), new(100, 31, 0.305)]);

        var spread = table.Spread();

        Assert.Equal("true", spread.Basis);
        Assert.Equal(Math.Sqrt(0.05 / 3), spread.SdPir, 12);
        Assert.Equal(0.75, spread.NonZeroShare);
        Assert.Equal(0.01, spread.ZeroBelow);
    }

    [Fact]
    public void Spread_AtTheBinEdge_CountsOneHundredthAsNonZero()
    {
        var table = new InteractionTable([new(10, 0, 0.0099), new(10, 0, 0.01)]);

        var spread = table.Spread();

        Assert.Equal(0.5, spread.NonZeroShare);
        Assert.Equal(0.0001 / Math.Sqrt(2), spread.SdPir, 12);
    }

    [Fact]
    public void Spread_TruePirMissingOnAnyRow_UsesObservedPirs()
    {
        // Observed 0, 0.1, 0.2, 0.3: the same spread as above; only the zero is in the first bin.
        var table = new InteractionTable([new(10, 0, 0.5), new(10, 1, null), new(10, 2, 0.5), new(10, 3, 0.5)]);

        var spread = table.Spread();

        Assert.Equal("observed", spread.Basis);
        Assert.Equal(Math.Sqrt(0.05 / 3), spread.SdPir, 12);
        Assert.Equal(0.75, spread.NonZeroShare);
    }

    [Fact]
    public void Spread_OneRow_SdIsNaNAndShareIsDefined()
    {
        var spread = new InteractionTable([new(10, 5, 0.5)]).Spread();

        Assert.True(double.IsNaN(spread.SdPir));
        Assert.Equal(1.0, spread.NonZeroShare);
    }
}
