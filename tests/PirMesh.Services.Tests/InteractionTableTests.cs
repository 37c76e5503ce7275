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
}
