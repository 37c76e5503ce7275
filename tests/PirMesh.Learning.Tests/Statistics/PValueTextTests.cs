using PirMesh.Learning.Statistics;

namespace PirMesh.Learning.Tests.Statistics;

public sealed class PValueTextTests
{
    [Theory]
    [InlineData(0.0, "< 1e-300", "p < 1e-300")]
    [InlineData(0.0123, "0.0123", "p = 0.0123")]
    [InlineData(3.24e-45, "3.2e-45", "p = 3.2e-45")]
    [InlineData(double.NaN, "n/a", "p = n/a")]
    public void Value_And_Clause(double p, string value, string clause)
    {
        Assert.Equal(value, PValueText.Value(p));
        Assert.Equal(clause, PValueText.Clause(p));
    }
}
