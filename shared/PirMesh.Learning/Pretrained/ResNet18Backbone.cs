using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PirMesh.Learning.Pretrained;

/// <summary>
/// The pretrained ResNet-18 as a PIR-estimator backbone: images in [-1, 1] (the estimator's convention) to the
/// 512 pooled features. Its weights are fine-tuned with the estimator.
/// </summary>
public sealed class ResNet18Backbone : Module<Tensor, Tensor>
{
    private readonly ResNet18 network;

    public ResNet18Backbone(ResNet18 network) : base(nameof(ResNet18Backbone))
    {
        this.network = network;
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return network.forward((images + 1) / 2).MoveToOuterDisposeScope();
    }
}
