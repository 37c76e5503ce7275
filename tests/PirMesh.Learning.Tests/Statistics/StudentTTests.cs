using PirMesh.Learning.Statistics;

namespace PirMesh.Learning.Tests.Statistics;

// Reference values: mpmath 1.3 betainc at 40 digits, and for t = 2, df = 10 also an independent
// composite Simpson rule on the t density over [0, 2] (20,000 panels): 1 - 2∫ = 0.0733880347707346.
public sealed class StudentTTests
{
    [Fact]
    public void TwoSidedPValue_TwoWithTenDf_MatchesReference() =>
        Tolerance.Relative(0.073388034770740366, StudentT.TwoSidedPValue(2.0, 10.0), 1e-12);

    [Fact]
    public void TwoSidedPValue_FractionalDf_MatchesReference() =>
        Tolerance.Relative(0.072576095549031844, StudentT.TwoSidedPValue(3.0, 2.5), 1e-12);

    [Fact]
    public void TwoSidedPValue_Zero_IsExactlyOne() => Assert.Equal(1.0, StudentT.TwoSidedPValue(0.0, 7.0));

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    [InlineData(250.0)]
    public void TwoSidedPValue_OneDf_MatchesCauchyClosedForm(double t)
    {
        // With one degree of freedom T is Cauchy: P(|T| ≥ t) = 1 - (2/π) atan t.
        Tolerance.Relative(1.0 - 2.0 / Math.PI * Math.Atan(t), StudentT.TwoSidedPValue(t, 1.0), 1e-12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(30.0)]
    public void TwoSidedPValue_TwoDf_MatchesClosedForm(double t)
    {
        // With two degrees of freedom P(|T| ≥ t) = 1 - t/√(t² + 2).
        Tolerance.Relative(1.0 - t / Math.Sqrt(t * t + 2.0), StudentT.TwoSidedPValue(t, 2.0), 1e-10);
    }

    [Fact]
    public void TwoSidedPValue_MillionDf_ApproachesNormal()
    {
        var p = StudentT.TwoSidedPValue(1.96, 1e6);

        Tolerance.Relative(0.049996067585269787, p, 1e-12);

        // The normal two-sided value erfc(1.96/√2) = 0.0499957903; the t tail is heavier by O(1/df).
        Assert.Equal(0.049995790296440868, p, 1e-6);
    }

    [Fact]
    public void TwoSidedPValue_SignOfT_DoesNotMatter() =>
        Assert.Equal(StudentT.TwoSidedPValue(2.5, 7.3), StudentT.TwoSidedPValue(-2.5, 7.3));

    [Fact]
    public void TwoSidedPValue_HugeT_StaysPositiveAndAccurate()
    {
        var p = StudentT.TwoSidedPValue(30.0, 1998.0);

        Assert.True(p > 0.0 && p < 1e-50);
        Tolerance.Relative(1.457608285513793e-163, p, 1e-11);
    }

    [Fact]
    public void TwoSidedPValue_TSquaredOverflows_StillAccurate()
    {
        // t² = 1e400 overflows a double, but P = (2/π) atan(1/t) ≈ 2/(π·1e200) is representable.
        Tolerance.Relative(2.0 / (Math.PI * 1e200), StudentT.TwoSidedPValue(1e200, 1.0), 1e-12);
    }

    [Fact]
    public void TwoSidedPValue_TrulyBelowDoubleRange_IsZero() =>
        Assert.Equal(0.0, StudentT.TwoSidedPValue(1000.0, 1e6));

    [Fact]
    public void TwoSidedPValue_InfiniteT_IsZero() =>
        Assert.Equal(0.0, StudentT.TwoSidedPValue(double.NegativeInfinity, 3.0));

    [Fact]
    public void TwoSidedPValue_NaNT_IsNaN() => Assert.True(double.IsNaN(StudentT.TwoSidedPValue(double.NaN, 3.0)));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TwoSidedPValue_InvalidDf_Throws(double df) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.TwoSidedPValue(1.0, df));

    [Fact]
    public void UpperTailPValue_BothSigns_AreHalfAndComplement()
    {
        Tolerance.Relative(0.036694017385370183, StudentT.UpperTailPValue(2.0, 10.0), 1e-12);
        Tolerance.Relative(1.0 - 0.036694017385370183, StudentT.UpperTailPValue(-2.0, 10.0), 1e-14);
    }
}
