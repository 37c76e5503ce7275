using PirMesh.Learning.Training;
using static TorchSharp.torch;

namespace PirMesh.Learning.Tests.Training;

public sealed class CheckpointTests
{
    [Fact]
    public void GanModel_RoundTrip_GivesTheSameImages()
    {
        using var gan = new GanModel(Preset.Smoke, ["a", "b"]);
        var bytes = gan.ToBytes();
        using var copy = GanModel.FromBytes(bytes, CPU);
        using var scope = NewDisposeScope();
        var z = randn(2, 64);
        var c = tensor(new long[] { 0, 1 });
        gan.Generator.eval();
        Assert.True(gan.Generator.forward(z, c).allclose(copy.Generator.forward(z, c)));
        Assert.Equal(["a", "b"], copy.ClassNames);
    }

    [Fact]
    public void GanModel_TruncatedCheckpoint_ThrowsInvalidDataSayingTruncated()
    {
        using var gan = new GanModel(Preset.Smoke, ["a"]);
        var bytes = gan.ToBytes();
        var error = Assert.Throws<InvalidDataException>(
            () => GanModel.FromBytes(bytes.AsSpan(0, bytes.Length / 2), CPU));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void GanModel_ForeignBytes_ThrowInvalidData()
    {
        var error = Assert.Throws<InvalidDataException>(() => GanModel.FromBytes("hello world"u8, CPU));
        Assert.Contains("PMCK", error.Message);
    }

    [Fact]
    public void EstimatorModel_RoundTrip_GivesTheSameEstimates()
    {
        using var estimator = EstimatorFactory.Create("scratch", Preset.Smoke, 1, null);
        estimator.eval();
        using var copy = EstimatorModel.FromBytes(EstimatorModel.ToBytes(estimator, Preset.Smoke, 1), CPU);
        using var scope = NewDisposeScope();
        var images = rand(3, 3, 16, 16);
        Assert.True(estimator.forward(images).allclose(copy.forward(images)));
    }
}
