using PirMesh.Learning.Statistics;

namespace PirMesh.Learning.Tests.Statistics;

public sealed class LeastSquaresTests
{
    [Fact]
    public void Fit_HandComputedExample_GivesSlopeAndIntercept()
    {
        // x = 1..4, y = 2, 3, 5, 6: x̄ = 2.5, ȳ = 4; dx = -1.5, -0.5, 0.5, 1.5; dy = -2, -1, 1, 2.
        // Σ dx dy = 3 + 0.5 + 0.5 + 3 = 7; Σ dx² = 2.25 + 0.25 + 0.25 + 2.25 = 5.
        // slope = 7 / 5 = 1.4; intercept = 4 - 1.4 × 2.5 = 0.5.
        var (slope, intercept) = LeastSquares.Fit([1, 2, 3, 4], [2, 3, 5, 6]);

        Assert.Equal(1.4, slope, 1e-14);
        Assert.Equal(0.5, intercept, 1e-14);
    }

    [Fact]
    public void Fit_ExactLine_RecoversIt()
    {
        var (slope, intercept) = LeastSquares.Fit([-2, 0, 3], [7, 1, -8]);

        Assert.Equal(-3.0, slope, 1e-14);
        Assert.Equal(1.0, intercept, 1e-14);
    }

    [Fact]
    public void Fit_LargeCommonOffset_KeepsTheSlope()
    {
        // The same points as the hand-computed example, shifted by 1e9 in x.
        var (slope, intercept) = LeastSquares.Fit([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4], [2, 3, 5, 6]);

        Assert.Equal(1.4, slope, 1e-9);
        Assert.Equal(4 - 1.4 * (1e9 + 2.5), intercept, 1e-3);
    }

    [Fact]
    public void Fit_AllXEqual_IsNaN()
    {
        var (slope, intercept) = LeastSquares.Fit([2, 2, 2], [1, 2, 3]);

        Assert.True(double.IsNaN(slope));
        Assert.True(double.IsNaN(intercept));
    }

    [Fact]
    public void Fit_TooFewOrMismatched_Throws()
    {
        Assert.Throws<ArgumentException>(() => LeastSquares.Fit([1], [1]));
        Assert.Throws<ArgumentException>(() => LeastSquares.Fit([1, 2], [1, 2, 3]));
    }
}
