using PirMesh.Learning.Statistics;

namespace PirMesh.Learning.Tests.Statistics;

// Reference values not given by a closed form come from mpmath 1.3 at 40 significant digits (betainc; for
// a = b = 1e6, where betainc gives up, the hypergeometric series xᵃyᵇ/(aB) ₂F₁(a+b, 1; a+1; x) summed in mpmath).
public sealed class SpecialFunctionsTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.137)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(1.0)]
    public void RegularizedIncompleteBeta_OneOne_IsX(double x) =>
        Assert.Equal(x, SpecialFunctions.RegularizedIncompleteBeta(1.0, 1.0, x), 1e-15);

    [Theory]
    [InlineData(0.5, 0.3)]
    [InlineData(3.0, 0.7)]
    [InlineData(17.5, 0.9)]
    [InlineData(200.0, 0.97)]
    public void RegularizedIncompleteBeta_BOne_IsXToTheA(double a, double x) =>
        Tolerance.Relative(Math.Pow(x, a), SpecialFunctions.RegularizedIncompleteBeta(a, 1.0, x), 1e-13);

    [Theory]
    [InlineData(0.5, 0.3)]
    [InlineData(4.0, 0.2)]
    [InlineData(60.0, 0.01)]
    public void RegularizedIncompleteBeta_AOne_IsOneMinusYToTheB(double b, double x) =>
        Tolerance.Relative(
            1.0 - Math.Pow(1.0 - x, b), SpecialFunctions.RegularizedIncompleteBeta(1.0, b, x), 1e-13);

    [Theory]
    [InlineData(0.5)]
    [InlineData(3.0)]
    [InlineData(50.0)]
    [InlineData(1e4)]
    [InlineData(1e8)]
    public void RegularizedIncompleteBeta_EqualShapesAtHalf_IsHalf(double a) =>
        Assert.Equal(0.5, SpecialFunctions.RegularizedIncompleteBeta(a, a, 0.5), 1e-12);

    [Theory]
    [InlineData(2.5, 7.25, 0.3, 0.6604822735819072483)]
    [InlineData(50.0, 0.5, 0.9, 0.0012041498325598114043)]
    [InlineData(0.2, 0.3, 0.7, 0.6804498914169207592)]
    [InlineData(200.0, 300.0, 0.3, 1.0496985243292975524e-6)]
    [InlineData(1e6, 1e6, 0.4995, 0.078649577580901815843)]
    public void RegularizedIncompleteBeta_GeneralShapes_MatchesReference(
        double a, double b, double x, double expected) =>
        Tolerance.Relative(expected, SpecialFunctions.RegularizedIncompleteBeta(a, b, x), 1e-12);

    [Fact]
    public void RegularizedIncompleteBeta_Swapped_IsComplement()
    {
        var direct = SpecialFunctions.RegularizedIncompleteBeta(3.5, 8.0, 0.4);
        var mirrored = SpecialFunctions.RegularizedIncompleteBeta(8.0, 3.5, 0.6);

        Assert.Equal(1.0, direct + mirrored, 1e-14);
    }

    [Theory]
    [InlineData(0.0, 1.0, 0.5)]
    [InlineData(1.0, -2.0, 0.5)]
    [InlineData(1.0, 1.0, 1.5)]
    [InlineData(1.0, 1.0, double.NaN)]
    [InlineData(double.PositiveInfinity, 1.0, 0.5)]
    public void RegularizedIncompleteBeta_InvalidArguments_Throw(double a, double b, double x) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.RegularizedIncompleteBeta(a, b, x));

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.0)]
    [InlineData(0.5, 0.57236494292470008707)]
    [InlineData(0.1, 2.2527126517342059599)]
    [InlineData(3.7, 1.4280723266653879219)]
    [InlineData(10.0, 12.801827480081469611)]
    [InlineData(100.5, 361.43554046777762156)]
    [InlineData(1e-300, 690.77552789821370521)]
    [InlineData(1e10, 220258509288.81058147)]
    public void LogGamma_KnownValues_Match(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), Math.Max(1.0, Math.Abs(expected)) * 1e-14);

    [Fact]
    public void LogGamma_NonPositive_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.LogGamma(0.0));

    [Theory]
    [InlineData(5e5, 0.5, -5.9888164957774643103)]
    [InlineData(12.5, 30.0, -25.908683991310075412)]
    [InlineData(2.0, 3.0, -2.4849066497880003102)]
    [InlineData(1e8, 1e8, -138629444.05681730912)]
    public void LogBeta_KnownValues_Match(double a, double b, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogBeta(a, b), Math.Max(1.0, Math.Abs(expected)) * 1e-14);
}
