using PirMesh.Learning.Networks;
using static TorchSharp.torch;

namespace PirMesh.Learning.Tests.Networks;

public sealed class LeakyReluTests
{
    [Fact]
    public void Forward_NegativeAndPositive_ScalesOnlyTheNegatives()
    {
        using var relu = new LeakyRelu(0.2);
        using var input = tensor(new float[] { -5, -1, 0, 2 }, requires_grad: true);
        using var output = relu.forward(input);
        Assert.Equal(new float[] { -1f, -0.2f, 0f, 2f }, output.data<float>().ToArray());
        output.sum().backward();
        var gradient = input.grad!.data<float>().ToArray();
        // At exactly 0 the two branches tie; only the slopes away from 0 are defined.
        Assert.Equal([0.2f, 0.2f, 1f], new[] { gradient[0], gradient[1], gradient[3] });
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Constructor_SlopeOutsideOpenUnitInterval_Throws(double slope)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyRelu(slope));
    }
}
