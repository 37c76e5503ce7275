namespace PirMesh.Storage;

/// <summary>No blob is stored under the requested key.</summary>
public sealed class BlobNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="key"/> in the store at <paramref name="root"/>.</summary>
    public BlobNotFoundException(string key, string root, Exception? inner = null)
        : base($"blob {key} not found in the store at {root}", inner)
    {
        Key = key;
        Root = root;
    }

    /// <summary>The key that was asked for.</summary>
    public string Key { get; }

    /// <summary>Where the store looked.</summary>
    public string Root { get; }
}
