namespace PirMesh.Host.Reporting;

/// <summary>
/// Flags runs whose simulated users and PIR estimator are computed by the same pretrained network. Lampinen et al.
/// scored images with one network and estimated PIR with another on purpose: when both are ResNet-18, the tuner
/// can raise the users' PIR by pushing the very features the estimator reads, which says less about transfer.
/// </summary>
public static class SharedNetworkCaveat
{
    /// <summary>Objectives computed from ResNet-18 features start with this.</summary>
    public const string ResNetObjectivePrefix = "resnet18:";

    /// <summary>The estimator backbone that is the same pretrained ResNet-18.</summary>
    public const string ResNetBackbone = "resnet18";

    /// <summary>The caveat in plain words, or null when the users and the estimator use different networks.</summary>
    public static string? For(string objective, string estimatorBackbone)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(estimatorBackbone);
        var shared = objective.Trim().StartsWith(ResNetObjectivePrefix, StringComparison.OrdinalIgnoreCase)
            && string.Equals(estimatorBackbone.Trim(), ResNetBackbone, StringComparison.OrdinalIgnoreCase);
        return shared
            ? "The simulated users and the PIR estimator are computed by the same pretrained network (ResNet-18): "
                + $"the objective `{objective}` scores images with ResNet-18 features and the estimator's backbone "
                + "is ResNet-18. The original method (Lampinen et al., 2017) used different networks for the two on "
                + "purpose, so a gain in PIR here may partly be the tuner exploiting features the two networks "
                + "share rather than an improvement that would transfer to other users."
            : null;
    }
}
