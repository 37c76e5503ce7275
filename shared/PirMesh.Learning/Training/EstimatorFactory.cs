using PirMesh.Learning.Networks;
using PirMesh.Learning.Pretrained;

namespace PirMesh.Learning.Training;

/// <summary>Builds PIR estimators for the backbones PirMesh knows.</summary>
public static class EstimatorFactory
{
    public const string ResNet = "resnet18";
    public const string Scratch = "scratch";
    public const string DiscriminatorTrunk = "discriminator";

    /// <summary>Learning-rate multiplier for the pretrained ResNet-18's weights while fine-tuning.</summary>
    public const double ResNetLearningRateScale = 0.2;

    /// <summary>The backbones, default first.</summary>
    public static IReadOnlyList<string> Backbones { get; } = [ResNet, DiscriminatorTrunk, Scratch];

    /// <param name="discriminator">The pretrained discriminator, whose trunk is copied for that backbone.</param>
    /// <param name="classCount">Class count of the discriminator the trunk comes from.</param>
    public static PirEstimator Create(string backbone, Preset preset, int classCount, Discriminator? discriminator)
    {
        switch (backbone)
        {
            case ResNet:
                return new PirEstimator(new ResNet18Backbone(ResNet18.Load(preset.ResNetSide)),
                    ResNet18.FeatureCount, ResNet, ResNetLearningRateScale);
            case Scratch:
                var (network, features) = ScratchBackbone.Create(preset.EstimatorWidths);
                return new PirEstimator(network, features, Scratch);
            case DiscriminatorTrunk:
                // A fresh discriminator receives the pretrained weights so the GAN's own copy stays untouched.
                var copy = new Discriminator(classCount, preset.DiscriminatorWidths, preset.Resolution);
                if (discriminator is not null)
                {
                    copy.load_state_dict(discriminator.state_dict());
                }
                return new PirEstimator(copy.Trunk, copy.FeatureCount, DiscriminatorTrunk);
            default:
                throw new ArgumentException(
                    $"unknown estimator backbone '{backbone}'; expected one of: {string.Join(", ", Backbones)}",
                    nameof(backbone));
        }
    }
}
