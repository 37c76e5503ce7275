using System.ComponentModel.DataAnnotations;

namespace PirMesh.ServiceDefaults;

/// <summary>How the process runs tensor work. Section <c>Compute</c>.</summary>
public sealed class ComputeOptions
{
    public const string SectionName = "Compute";

    /// <summary>
    /// libtorch intra-op threads; 0 (default) means one per core. Same seed and same count, same results.
    /// </summary>
    [Range(0, 256)]
    public int Threads { get; set; }
}
