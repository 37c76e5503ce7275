using PirMesh.Learning.Statistics;

namespace PirMesh.Learning.Tests.Statistics;

public sealed class DescriptiveTests
{
    // {2, 4, 4, 4, 5, 5, 7, 9}: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, s² = 32/7.
    private static readonly double[] Textbook = [2, 4, 4, 4, 5, 5, 7, 9];

    [Fact]
    public void Mean_Textbook_IsFive() => Assert.Equal(5.0, Descriptive.Mean(Textbook), 1e-15);

    [Fact]
    public void SampleVariance_Textbook_UsesNMinusOne()
    {
        Assert.Equal(32.0 / 7.0, Descriptive.SampleVariance(Textbook), 1e-14);
        Assert.Equal(Math.Sqrt(32.0 / 7.0), Descriptive.SampleStandardDeviation(Textbook), 1e-14);
    }

    [Fact]
    public void SampleVariance_LargeCommonOffset_KeepsAllDigits()
    {
        // {4, 7, 13, 16} shifted by 1e9: deviations from 10 are ±6, ±3, so s² = (36+9+9+36)/3 = 30.
        // The one-pass Σx² - n x̄² formula returns garbage here (Σx² ≈ 4e18 has no digits left for 90).
        double[] values = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];

        Assert.Equal(30.0, Descriptive.SampleVariance(values), 1e-6);
    }

    [Fact]
    public void Mean_Empty_Throws() => Assert.Throws<ArgumentException>(() => Descriptive.Mean([]));

    [Fact]
    public void SampleVariance_SingleValue_Throws() =>
        Assert.Throws<ArgumentException>(() => Descriptive.SampleVariance([1.0]));

    [Fact]
    public void Pearson_PerfectLine_IsOne()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [3, 5, 7, 9, 11];

        Assert.Equal(1.0, Descriptive.Pearson(x, y), 1e-15);
    }

    [Fact]
    public void Pearson_ReversedLine_IsMinusOne()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [10, 8, 6, 4, 2];

        Assert.Equal(-1.0, Descriptive.Pearson(x, y), 1e-15);
    }

    [Fact]
    public void Pearson_HandExample_IsPointEight()
    {
        // Deviations dx = (-2,-1,0,1,2), dy = (-1,-2,1,0,2): Σdxdy = 8, Σdx² = Σdy² = 10, r = 8/10.
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [2, 1, 4, 3, 5];

        Assert.Equal(0.8, Descriptive.Pearson(x, y), 1e-15);
    }

    [Fact]
    public void Pearson_ConstantSide_IsNaN() => Assert.True(double.IsNaN(Descriptive.Pearson([1, 2, 3], [4, 4, 4])));

    [Fact]
    public void Pearson_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => Descriptive.Pearson([1, 2, 3], [1, 2]));

    [Fact]
    public void Pearson_OnePoint_Throws() => Assert.Throws<ArgumentException>(() => Descriptive.Pearson([1], [2]));

    [Fact]
    public void MeanAbsoluteError_HandExample_IsTwo()
    {
        // |1-2| + |2-4| + |3-0| = 1 + 2 + 3 = 6 over 3 pairs.
        Assert.Equal(2.0, Descriptive.MeanAbsoluteError([1, 2, 3], [2, 4, 0]), 1e-15);
    }

    [Fact]
    public void MeanAbsoluteError_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => Descriptive.MeanAbsoluteError([1, 2], [1]));
}
