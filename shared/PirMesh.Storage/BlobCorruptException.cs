namespace PirMesh.Storage;

/// <summary>
/// The bytes stored under a key do not have the length or SHA-256 the reference promises, usually because a
/// write was cut short or the file was changed outside the store.
/// </summary>
public sealed class BlobCorruptException : Exception
{
    /// <summary>Creates the exception from what was expected and what was found.</summary>
    public BlobCorruptException(
        string key, string expectedSha256, long expectedLength, string actualSha256, long actualLength)
        : base($"blob {key} is truncated or corrupt: expected {expectedLength} bytes with SHA-256 "
            + $"{expectedSha256}, found {actualLength} bytes with SHA-256 {actualSha256}")
    {
        Key = key;
        ExpectedSha256 = expectedSha256;
        ExpectedLength = expectedLength;
        ActualSha256 = actualSha256;
        ActualLength = actualLength;
    }

    /// <summary>The key that was read.</summary>
    public string Key { get; }

    /// <summary>SHA-256 from the reference.</summary>
    public string ExpectedSha256 { get; }

    /// <summary>Length from the reference, in bytes.</summary>
    public long ExpectedLength { get; }

    /// <summary>SHA-256 of the bytes found.</summary>
    public string ActualSha256 { get; }

    /// <summary>Length of the bytes found.</summary>
    public long ActualLength { get; }
}
