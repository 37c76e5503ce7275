using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PirMesh.Learning.Networks;

/// <summary>
/// ACGAN discriminator: six 3x3 convolutions with strides 2,1,2,1,2,1, batch normalisation and leaky ReLU 0.2 after
/// each, dropout after the 1st, 3rd and 5th, then two linear heads: a real/fake logit and class logits.
/// </summary>
/// <remarks>
/// The paper puts a tanh on the final layer. Applied to the source logit it would cap the real/fake probability to
/// sigmoid(±1) = 0.27..0.73, so the log-losses could never approach zero and their gradients would stay large even
/// for confidently right answers. We keep the raw logit and use the numerically stable logits form of the
/// cross-entropy instead.
/// </remarks>
public sealed class Discriminator : Module<Tensor, (Tensor Source, Tensor Classes)>
{
    private static readonly int[] Strides = [2, 1, 2, 1, 2, 1];

    private readonly Sequential trunk;
    private readonly Linear source;
    private readonly Linear classes;

    public Discriminator(int classCount, IReadOnlyList<int> widths, int resolution, double dropout = 0.3)
        : base(nameof(Discriminator))
    {
        if (widths.Count != Strides.Length)
        {
            throw new ArgumentException($"the discriminator takes {Strides.Length} widths, got {widths.Count}",
                nameof(widths));
        }
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        var inChannels = 3;
        for (var i = 0; i < widths.Count; i++)
        {
            layers.Add(($"conv{i}", Conv2d(inChannels, widths[i], 3, stride: Strides[i], padding: 1)));
            layers.Add(($"bn{i}", BatchNorm2d(widths[i])));
            layers.Add(($"act{i}", new LeakyRelu(0.2)));
            if (i % 2 == 0)
            {
                layers.Add(($"drop{i}", Dropout(dropout)));
            }
            inChannels = widths[i];
        }
        layers.Add(("flatten", Flatten()));
        trunk = Sequential(layers);
        FeatureCount = inChannels * (resolution / 8) * (resolution / 8);
        source = Linear(FeatureCount, 1);
        classes = Linear(FeatureCount, classCount);
        RegisterComponents();
    }

    /// <summary>Width of the flattened trunk output, the input of both heads.</summary>
    public int FeatureCount { get; }

    /// <summary>The convolutional trunk, reusable as an estimator backbone.</summary>
    public Sequential Trunk => trunk;

    /// <param name="images">[N, 3, H, W] in [-1, 1].</param>
    public override (Tensor Source, Tensor Classes) forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var features = trunk.forward(images);
        var s = source.forward(features).squeeze(1);
        var c = classes.forward(features);
        return (s.MoveToOuterDisposeScope(), c.MoveToOuterDisposeScope());
    }
}
