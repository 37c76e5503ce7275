using PirMesh.Learning.Pretrained;
using static TorchSharp.torch;

namespace PirMesh.Learning.Tests.Pretrained;

public sealed class GraphStepTests
{
    [Fact]
    public void BatchNorm_PerElementParameters_MatchTheFormulaAtEveryPosition()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var x = randn(2, 3, 4, 5);
        var weights = new Dictionary<string, Tensor>
        {
            ["scale"] = rand(3, 4, 5) + 0.5, ["shift"] = randn(3, 4, 5), ["mean"] = randn(3, 4, 5),
            ["var"] = rand(3, 4, 5) + 0.1,
        };
        var step = new BatchNormStep("y", "x", "scale", "shift", "mean", "var", 1e-5);
        var y = step.Run([x], n => weights[n]);
        var expected = (x - weights["mean"]) / (weights["var"] + 1e-5).sqrt() * weights["scale"] + weights["shift"];
        Assert.True(allclose(y, expected, rtol: 1e-6, atol: 1e-6));
    }

    [Fact]
    public void BatchNorm_PerChannelParameters_EqualPerElementOnesRepeatedOverSpace()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var x = randn(2, 3, 4, 4);
        var channel = new Dictionary<string, Tensor>
        {
            ["scale"] = rand(3) + 0.5, ["shift"] = randn(3), ["mean"] = randn(3), ["var"] = rand(3) + 0.1,
        };
        var element = channel.ToDictionary(p => p.Key, p => p.Value.reshape(3, 1, 1).expand(3, 4, 4).contiguous());
        var perChannel = new BatchNormStep("y", "x", "scale", "shift", "mean", "var", 1e-5).Run([x], n => channel[n]);
        var perElement = new BatchNormStep("y", "x", "scale", "shift", "mean", "var", 1e-5).Run([x], n => element[n]);
        Assert.True(allclose(perChannel, perElement, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Conv_AsymmetricPads_PadOnlyTheTopAndLeft()
    {
        using var scope = NewDisposeScope();
        // A 1x1 all-ones image, a 2x2 kernel of ones, pads [top 1, left 1, bottom 0, right 0]: one output, 1.
        var weights = new Dictionary<string, Tensor> { ["w"] = ones(1, 1, 2, 2) };
        var step = new ConvStep("y", "x", "w", null, [1, 1], [1, 1, 0, 0], [1, 1], 1);
        var y = step.Run([ones(1, 1, 1, 1)], n => weights[n]);
        Assert.Equal(new long[] { 1, 1, 1, 1 }, y.shape);
        Assert.Equal(1f, y.item<float>());
        // A 3x1 column 1, 2, 3 padded by one zero on top is 0, 1, 2, 3; a 2x1 kernel of ones at stride 2 sums
        // (0, 1) and (2, 3).
        var tall = tensor(new float[] { 1, 2, 3 }, [1, 1, 3, 1]);
        weights["k"] = ones(1, 1, 2, 1);
        var strided = new ConvStep("y", "x", "k", null, [2, 1], [1, 0, 0, 0], [1, 1], 1).Run([tall], n => weights[n]);
        Assert.Equal(new[] { 1f, 5f }, strided.flatten().data<float>().ToArray());
    }

    [Fact]
    public void MaxPool_AsymmetricPads_NeverPickThePadding()
    {
        using var scope = NewDisposeScope();
        var x = -ones(1, 1, 2, 2);
        var step = new MaxPoolStep("y", "x", [3, 3], [2, 2], [1, 1, 0, 0]);
        var y = step.Run([x], _ => throw new InvalidOperationException("a max-pool has no weights"));
        Assert.Equal(-1f, y.item<float>());
    }
}
