using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PirMesh.Learning.Networks;

/// <summary>
/// Predicts the positive interaction rate of an image as a distribution over <see cref="Bins"/> equal-width bins
/// of [0, 1]: a CNN backbone and one linear layer to the bin logits. Trained with cross-entropy on the bin of
/// each observed PIR; when frozen, the estimate is the expected bin centre under a sharpened softmax.
/// </summary>
public sealed class PirEstimator : Module<Tensor, Tensor>
{
    public const int Bins = 100;

    /// <summary>Softmax temperature used when the frozen estimator scores images (0.01 in the paper).</summary>
    public const double FrozenTemperature = 0.01;

    private readonly Module<Tensor, Tensor> backbone;
    private readonly Linear head;
    private readonly Tensor centres;

    /// <param name="backboneLearningRateScale">
    /// Multiplies the learning rate of the backbone's weights (the head always trains at the full rate); below 1
    /// for a pretrained backbone, so fine-tuning adjusts its features rather than overwriting them.
    /// </param>
    public PirEstimator(Module<Tensor, Tensor> backbone, int featureCount, string backboneName,
        double backboneLearningRateScale = 1.0)
        : base(nameof(PirEstimator))
    {
        this.backbone = backbone;
        BackboneName = backboneName;
        BackboneLearningRateScale = backboneLearningRateScale;
        head = Linear(featureCount, Bins);
        centres = BinCentres();
        RegisterComponents();
    }

    public string BackboneName { get; }

    public double BackboneLearningRateScale { get; }

    /// <summary>The backbone's parameters, then the head's.</summary>
    public (IEnumerable<Parameter> Backbone, IEnumerable<Parameter> Head) ParameterGroups =>
        (backbone.parameters(), head.parameters());

    /// <summary>Bin logits, [N, 100], for images [N, 3, H, W] with pixels in [0, 1].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return head.forward(backbone.forward(images * 2 - 1)).MoveToOuterDisposeScope();
    }

    /// <summary>Expected bin centre under softmax(logits / temperature); differentiable in the images.</summary>
    public Tensor Estimate(Tensor images, double temperature = FrozenTemperature)
    {
        using var scope = NewDisposeScope();
        var logits = forward(images);
        return ExpectedCentre(logits, centres.to(logits.device), temperature).MoveToOuterDisposeScope();
    }

    /// <summary>Centres of the bins: (i + 0.5) / 100.</summary>
    public static Tensor BinCentres() => (arange(Bins, dtype: float32) + 0.5f) / Bins;

    /// <summary>The bin of a PIR: floor(pir x 100), with 1.0 in the last bin.</summary>
    public static long BinOf(double pir)
    {
        if (double.IsNaN(pir) || pir < 0 || pir > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pir), pir, "a PIR must be in [0, 1]");
        }
        return Math.Min((long)Math.Floor(pir * Bins), Bins - 1);
    }

    /// <summary>Sum over bins of softmax(logits / temperature) times the bin centre.</summary>
    public static Tensor ExpectedCentre(Tensor logits, Tensor centres, double temperature)
    {
        using var scope = NewDisposeScope();
        var weights = functional.softmax(logits / temperature, 1);
        return (weights * centres.unsqueeze(0)).sum(1).MoveToOuterDisposeScope();
    }
}
