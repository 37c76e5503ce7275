using System.ComponentModel.DataAnnotations;

namespace PirMesh.ServiceDefaults;

/// <summary>Where blobs (image batches, checkpoints, interaction tables) are kept. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder of the local blob store. Default <c>.pirmesh/store</c> under the working directory.</summary>
    [Required]
    public string Root { get; set; } = Path.Combine(".pirmesh", "store");
}
