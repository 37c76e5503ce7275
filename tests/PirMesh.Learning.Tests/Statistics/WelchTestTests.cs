using PirMesh.Learning.Statistics;

namespace PirMesh.Learning.Tests.Statistics;

public sealed class WelchTestTests
{
    // Wikipedia "Welch's t-test", example 1. By hand (exact fractions):
    // x̄A = 312.3/15 = 20.82, s²A = 6884/875 = 7.8674286; x̄B = 344.8/15 = 22.986667, s²B = 5719/1500 = 3.8126667.
    // v = s²/n: vA = 0.52449524, vB = 0.25417778, v = 0.77867302; t = 2.1666667/√v = 2.4553564.
    // df = v² / (vA²/14 + vB²/14) = 24.988529. p from mpmath betainc = 0.021378001462867,
    // and from a Simpson rule on the t density (20,000 panels) 0.0213780014628728.
    private static readonly double[] SampleA =
        [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];

    private static readonly double[] SampleB =
        [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

    [Fact]
    public void Compare_WikipediaExample_MatchesHandCalculation()
    {
        var result = WelchTest.Compare(SampleA, SampleB);

        Assert.Equal(20.82, result.MeanBefore, 1e-12);
        Assert.Equal(1724.0 / 75.0, result.MeanAfter, 1e-12);
        Assert.Equal(Math.Sqrt(6884.0 / 875.0), result.SdBefore, 1e-12);
        Assert.Equal(Math.Sqrt(5719.0 / 1500.0), result.SdAfter, 1e-12);
        Assert.Equal(15, result.NBefore);
        Assert.Equal(15, result.NAfter);
        Assert.Equal(2.1666666666666667, result.Difference, 1e-12);
        Assert.Equal(2.4553563982860051, result.T, 1e-12);
        Assert.Equal(24.988529290231414, result.Df, 1e-10);
        Tolerance.Relative(0.021378001462867032, result.PValue, 1e-10);
        Assert.False(result.Significant);
    }

    [Fact]
    public void Compare_WikipediaExampleAtFivePercent_IsSignificant() =>
        Assert.True(WelchTest.Compare(SampleA, SampleB, alpha: 0.05).Significant);

    [Fact]
    public void Compare_ReversedOrder_FlipsSignOnly()
    {
        var forward = WelchTest.Compare(SampleA, SampleB);
        var backward = WelchTest.Compare(SampleB, SampleA);

        Assert.Equal(-forward.T, backward.T);
        Assert.Equal(-forward.CohensD, backward.CohensD);
        Assert.Equal(forward.PValue, backward.PValue);
        Assert.Equal(forward.Df, backward.Df);
    }

    [Fact]
    public void Compare_WikipediaExample_CohensDUsesPooledSd()
    {
        // Pooled s² = (14·7.8674286 + 14·3.8126667)/28 = 5.8400476, s = 2.4166190; d = 2.1666667/2.4166190.
        Assert.Equal(0.8965693907039226, WelchTest.Compare(SampleA, SampleB).CohensD, 1e-12);
    }

    [Fact]
    public void CohensD_SmallExample_MatchesHand()
    {
        // Both samples have s² = 2.5, so the pooled SD is √2.5 and d = (5 - 3)/√2.5 = 1.2649110640673518.
        Assert.Equal(2.0 / Math.Sqrt(2.5), WelchTest.CohensD([1, 2, 3, 4, 5], [3, 4, 5, 6, 7]), 1e-14);
    }

    [Fact]
    public void Compare_OneSideConstant_DfIsOtherSideMinusOne()
    {
        // v_before = 0, v_after = 1/3: t = 1/√(1/3) = √3, df = 3 - 1 = 2, p = 1 - t/√(t² + 2) = 1 - √(3/5).
        var result = WelchTest.Compare([1, 1, 1], [1, 2, 3]);

        Assert.Equal(Math.Sqrt(3.0), result.T, 1e-14);
        Assert.Equal(2.0, result.Df, 1e-14);
        Tolerance.Relative(1.0 - Math.Sqrt(0.6), result.PValue, 1e-12);
    }

    [Fact]
    public void Compare_BothConstantAndEqual_IsNoEvidence()
    {
        var result = WelchTest.Compare([4, 4], [4, 4, 4]);

        Assert.Equal(0.0, result.T);
        Assert.Equal(1.0, result.PValue);
        Assert.Equal(3.0, result.Df);
        Assert.Equal(0.0, result.CohensD);
        Assert.False(result.Significant);
    }

    [Fact]
    public void Compare_BothConstantAndDifferent_IsInfinitelySignificant()
    {
        var up = WelchTest.Compare([1, 1, 1], [2, 2]);
        var down = WelchTest.Compare([2, 2], [1, 1, 1]);

        Assert.Equal(double.PositiveInfinity, up.T);
        Assert.Equal(double.PositiveInfinity, up.CohensD);
        Assert.Equal(0.0, up.PValue);
        Assert.Equal(3.0, up.Df);
        Assert.True(up.Significant);
        Assert.Equal(double.NegativeInfinity, down.T);
        Assert.Equal(double.NegativeInfinity, down.CohensD);
    }

    [Fact]
    public void Compare_TinyVariances_DfDoesNotUnderflow()
    {
        // The one-sided example scaled by 1e-150: v² ≈ 1e-601 underflows, but df is scale-free and must stay 2.
        var result = WelchTest.Compare([0, 0, 0], [0, 1e-150, 2e-150]);

        Assert.Equal(2.0, result.Df, 1e-12);
        Assert.Equal(Math.Sqrt(3.0), result.T, 1e-12);
    }

    [Fact]
    public void Compare_BeforeTooSmall_ThrowsNamingBefore()
    {
        var error = Assert.Throws<ArgumentException>(() => WelchTest.Compare([1.0], [1, 2, 3]));

        Assert.Equal("before", error.ParamName);
    }

    [Fact]
    public void Compare_AfterTooSmall_ThrowsNamingAfter()
    {
        var error = Assert.Throws<ArgumentException>(() => WelchTest.Compare([1, 2, 3], []));

        Assert.Equal("after", error.ParamName);
    }

    [Fact]
    public void Compare_NaNValue_Throws() =>
        Assert.Throws<ArgumentException>(() => WelchTest.Compare([1, double.NaN], [1, 2]));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Compare_InvalidAlpha_Throws(double alpha) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WelchTest.Compare([1, 2], [3, 4], alpha));
}
