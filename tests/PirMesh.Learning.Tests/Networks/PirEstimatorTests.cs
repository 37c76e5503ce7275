using PirMesh.Learning.Networks;
using static TorchSharp.torch;

namespace PirMesh.Learning.Tests.Networks;

public sealed class PirEstimatorTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.0099, 0)]
    [InlineData(0.01, 1)]
    [InlineData(0.505, 50)]
    [InlineData(0.999, 99)]
    [InlineData(1.0, 99)]
    public void BinOf_Pir_IsFloorOfHundredTimesWithOneInLastBin(double pir, long bin)
    {
        Assert.Equal(bin, PirEstimator.BinOf(pir));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void BinOf_OutsideUnitInterval_Throws(double pir)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PirEstimator.BinOf(pir));
    }

    [Fact]
    public void BinCentres_AreMidpoints()
    {
        using var centres = PirEstimator.BinCentres();
        Assert.Equal(100, centres.shape[0]);
        Assert.Equal(0.005, centres[0].item<float>(), 6);
        Assert.Equal(0.995, centres[99].item<float>(), 6);
    }

    [Fact]
    public void ExpectedCentre_TemperatureOne_IsSoftmaxWeightedMean()
    {
        // Logits 0 and ln 3 on bins 10 and 20 (others very negative): softmax weights 1/4 and 3/4.
        var logits = full(1, 100, -1e4f);
        logits[0, 10] = tensor(0f);
        logits[0, 20] = tensor((float)Math.Log(3));
        using var centres = PirEstimator.BinCentres();
        var expected = 0.25 * 0.105 + 0.75 * 0.205;
        Assert.Equal(expected, PirEstimator.ExpectedCentre(logits, centres, 1.0).item<float>(), 5);
    }

    [Fact]
    public void ExpectedCentre_LowTemperature_ApproachesTheModalBin()
    {
        var logits = full(1, 100, -1e4f);
        logits[0, 10] = tensor(0f);
        logits[0, 20] = tensor((float)Math.Log(3));
        using var centres = PirEstimator.BinCentres();
        // At T = 0.01 the weight ratio is 3^100: effectively all mass on bin 20.
        Assert.Equal(0.205, PirEstimator.ExpectedCentre(logits, centres, 0.01).item<float>(), 5);
    }
}
