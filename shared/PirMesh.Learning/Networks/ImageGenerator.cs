using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PirMesh.Learning.Networks;

/// <summary>
/// Conditional generator: a linear map from latent plus one-hot class to a 4x4 feature map, then blocks of
/// (nearest-neighbour 2x upsampling, 3x3 convolution, leaky ReLU 0.2), no upsampling in the first block, and a
/// final 3x3 convolution to RGB with tanh. Output pixels are in [-1, 1].
/// </summary>
public sealed class ImageGenerator : Module<Tensor, Tensor, Tensor>
{
    private readonly Linear project;
    private readonly ModuleList<Module<Tensor, Tensor>> blocks = new();
    private readonly Conv2d toRgb;
    private readonly int firstWidth;

    public ImageGenerator(int latentSize, int classCount, IReadOnlyList<int> widths, int resolution)
        : base(nameof(ImageGenerator))
    {
        if (4 << (widths.Count - 1) != resolution)
        {
            throw new ArgumentException(
                $"{widths.Count} generator widths give {4 << (widths.Count - 1)} pixels, not {resolution}",
                nameof(widths));
        }
        LatentSize = latentSize;
        ClassCount = classCount;
        firstWidth = widths[0];
        project = Linear(latentSize + classCount, 4 * 4 * widths[0]);
        var inChannels = widths[0];
        for (var i = 0; i < widths.Count; i++)
        {
            var layers = new List<(string, Module<Tensor, Tensor>)>();
            if (i > 0)
            {
                layers.Add(("up", Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Nearest)));
            }
            layers.Add(("conv", Conv2d(inChannels, widths[i], 3, padding: 1)));
            layers.Add(("act", new LeakyRelu(0.2)));
            blocks.Add(Sequential(layers));
            inChannels = widths[i];
        }
        toRgb = Conv2d(inChannels, 3, 3, padding: 1);
        RegisterComponents();
    }

    public int LatentSize { get; }

    public int ClassCount { get; }

    /// <param name="latent">[N, latent] standard normal.</param>
    /// <param name="classes">[N] class indices (int64).</param>
    public override Tensor forward(Tensor latent, Tensor classes)
    {
        using var scope = NewDisposeScope();
        var oneHot = functional.one_hot(classes, ClassCount).to(latent.dtype);
        var x = project.forward(cat([latent, oneHot], 1)).view(-1, firstWidth, 4, 4);
        foreach (var block in blocks)
        {
            x = block.forward(x);
        }
        return tanh(toRgb.forward(x)).MoveToOuterDisposeScope();
    }
}
