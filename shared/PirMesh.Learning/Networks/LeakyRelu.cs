using static TorchSharp.torch;

namespace PirMesh.Learning.Networks;

/// <summary>
/// Leaky ReLU as max(x, slope x), valid for slopes in (0, 1), with the slope held in a tensor buffer.
/// </summary>
/// <remarks>
/// TorchSharp's built-in module turns the slope into a temporary native Scalar on every call; one run here failed
/// inside that call with a corrupted Scalar ("toFloat ... Expected false to be true"), the mark of a temporary freed
/// by the garbage collector while native code still used it. Holding the slope as a module-owned tensor avoids
/// temporaries on this hot path.
/// </remarks>
public sealed class LeakyRelu : TorchSharp.torch.nn.Module<Tensor, Tensor>
{
    private readonly Tensor slope;

    public LeakyRelu(double negativeSlope = 0.2) : base(nameof(LeakyRelu))
    {
        if (negativeSlope is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(negativeSlope), negativeSlope, "the slope must be in (0, 1)");
        }
        slope = tensor((float)negativeSlope);
        register_buffer(nameof(slope), slope, persistent: false);
    }

    public override Tensor forward(Tensor input)
    {
        using var scaled = input.mul(slope);
        return input.maximum(scaled);
    }
}
