using static TorchSharp.torch;

namespace PirMesh.Learning.Objectives;

/// <summary>
/// A simulated user population: maps an image to its true positive interaction rate. The tuner never sees it;
/// only the interactions drawn from it.
/// </summary>
public interface ISimulatedObjective
{
    /// <summary>Canonical name, such as <c>blue</c> or <c>red|green</c>.</summary>
    string Name { get; }

    /// <summary>The pretrained network the objective is computed by, such as <c>resnet18</c>; null for none.</summary>
    string? Network { get; }

    /// <summary>True PIR in [0, 1] for images [N, 3, H, W] with pixels in [0, 1]; returns [N].</summary>
    Tensor TruePir(Tensor images);
}
