using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace PirMesh.Learning.Pretrained;

/// <summary>One node of an imported ONNX graph, as TorchSharp operations on tensors named by the graph.</summary>
internal abstract class GraphStep(string output, string[] inputs)
{
    /// <summary>Name of the value the step produces.</summary>
    public string Output { get; } = output;

    /// <summary>Names of the values the step consumes, initializers excluded.</summary>
    public string[] Inputs { get; } = inputs;

    /// <param name="inputs">The values named by <see cref="Inputs"/>.</param>
    /// <param name="weights">Looks up the owning module's parameters and buffers by name.</param>
    public abstract Tensor Run(Tensor[] inputs, Func<string, Tensor> weights);

    /// <summary>
    /// ONNX 2-D pads are [top, left, bottom, right]; TorchSharp's pad takes (left, right, top, bottom). Returns
    /// null when the pads are symmetric and the operation's own padding can be used.
    /// </summary>
    protected static long[]? AsymmetricPadding(long[] pads) =>
        pads[0] == pads[2] && pads[1] == pads[3] ? null : [pads[1], pads[3], pads[0], pads[2]];
}

/// <summary>Conv: weights and optional bias are trainable parameters; asymmetric pads are applied explicitly.</summary>
internal sealed class ConvStep(string output, string input, string weight, string? bias, long[] strides,
    long[] pads, long[] dilations, long groups) : GraphStep(output, [input])
{
    public override Tensor Run(Tensor[] inputs, Func<string, Tensor> weights)
    {
        var x = inputs[0];
        var w = weights(weight);
        var b = bias is null ? null : weights(bias);
        var extra = AsymmetricPadding(pads);
        if (extra is not null)
        {
            using var padded = F.pad(x, extra, PaddingModes.Constant, 0);
            return F.conv2d(padded, w, b, strides, [0, 0], dilations, groups);
        }
        return F.conv2d(x, w, b, strides, [pads[0], pads[1]], dilations, groups);
    }
}

/// <summary>
/// Inference-mode batch normalisation with the stored statistics. The scale and shift are trainable; the mean and
/// variance stay fixed, which is how a pretrained network is usually fine-tuned on small batches. Parameters of
/// C values act per channel; C x H x W values (ONNX <c>spatial = 0</c>) act per element.
/// </summary>
internal sealed class BatchNormStep(string output, string input, string scale, string shift, string mean,
    string variance, double epsilon) : GraphStep(output, [input])
{
    public override Tensor Run(Tensor[] inputs, Func<string, Tensor> weights)
    {
        var x = inputs[0];
        var (gamma, beta, mu, sigma2) = (weights(scale), weights(shift), weights(mean), weights(variance));
        if (gamma.dim() == 1)
        {
            return F.batch_norm(x, mu, sigma2, gamma, beta, training: false, momentum: 0, eps: epsilon);
        }
        using var scope = NewDisposeScope();
        var normalised = (x - mu.unsqueeze(0)) / (sigma2.unsqueeze(0) + epsilon).sqrt();
        return (normalised * gamma.unsqueeze(0) + beta.unsqueeze(0)).MoveToOuterDisposeScope();
    }
}

internal sealed class ReluStep(string output, string input) : GraphStep(output, [input])
{
    public override Tensor Run(Tensor[] inputs, Func<string, Tensor> weights) => F.relu(inputs[0]);
}

internal sealed class AddStep(string output, string left, string right) : GraphStep(output, [left, right])
{
    public override Tensor Run(Tensor[] inputs, Func<string, Tensor> weights) => inputs[0] + inputs[1];
}

/// <summary>MaxPool; asymmetric pads are filled with minus infinity so they never win the maximum.</summary>
internal sealed class MaxPoolStep(string output, string input, long[] kernel, long[] strides, long[] pads)
    : GraphStep(output, [input])
{
    public override Tensor Run(Tensor[] inputs, Func<string, Tensor> weights)
    {
        var extra = AsymmetricPadding(pads);
        if (extra is null)
        {
            return F.max_pool2d(inputs[0], kernel, strides, [pads[0], pads[1]]);
        }
        using var padded = F.pad(inputs[0], extra, PaddingModes.Constant, double.NegativeInfinity);
        return F.max_pool2d(padded, kernel, strides);
    }
}

/// <summary>
/// The final AveragePool. At the network's native 224 x 224 input its 7 x 7 kernel covers the whole 7 x 7 map, so
/// it is a global average; PirMesh keeps it global at other input sizes, where a fixed kernel would not fit.
/// </summary>
internal sealed class GlobalAverageStep(string output, string input) : GraphStep(output, [input])
{
    public override Tensor Run(Tensor[] inputs, Func<string, Tensor> weights) => inputs[0].mean([2, 3], keepdim: true);
}
