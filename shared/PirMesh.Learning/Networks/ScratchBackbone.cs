using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PirMesh.Learning.Networks;

/// <summary>
/// A small CNN trained from scratch as the estimator's backbone: per width, a stride-2 3x3 convolution, batch
/// normalisation and leaky ReLU, then a stride-1 convolution block; global average pooling at the end.
/// </summary>
public static class ScratchBackbone
{
    /// <returns>The backbone ([N,3,H,W] in [-1,1] to [N, features]) and its feature count.</returns>
    public static (Module<Tensor, Tensor> Backbone, int FeatureCount) Create(IReadOnlyList<int> widths)
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        var inChannels = 3;
        for (var i = 0; i < widths.Count; i++)
        {
            layers.Add(($"down{i}", Conv2d(inChannels, widths[i], 3, stride: 2, padding: 1)));
            layers.Add(($"bn{i}a", BatchNorm2d(widths[i])));
            layers.Add(($"act{i}a", new LeakyRelu(0.2)));
            layers.Add(($"conv{i}", Conv2d(widths[i], widths[i], 3, padding: 1)));
            layers.Add(($"bn{i}b", BatchNorm2d(widths[i])));
            layers.Add(($"act{i}b", new LeakyRelu(0.2)));
            inChannels = widths[i];
        }
        layers.Add(("pool", AdaptiveAvgPool2d(1)));
        layers.Add(("flatten", Flatten()));
        return (Sequential(layers), inChannels);
    }
}
