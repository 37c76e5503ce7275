using PirMesh.Contracts;
using PirMesh.Imaging;
using PirMesh.ServiceDefaults;

namespace PirMesh.Interactions;

/// <summary>
/// Where interactions come from: simulated users here; real users or other services plug in by implementing this
/// and claiming the objective names they serve.
/// </summary>
public interface IInteractionSource
{
    /// <summary>True when this source serves <paramref name="objective"/>.</summary>
    bool Serves(string objective);

    Task<InteractionTable> CollectAsync(ImageBatch batch, CollectInteractions command,
        CancellationToken cancellationToken);
}
