namespace PirMesh.Storage;

/// <summary>
/// A content-addressed blob store: a blob's key is derived from its bytes, so a key never changes meaning
/// and a reader can always tell whether the bytes it got are the ones that were written.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Stores <paramref name="content"/> under <c>{kind}/{sha256hex}</c>. Storing the same content again is a
    /// no-op, except that a stored copy that no longer verifies is replaced.
    /// </summary>
    /// <param name="kind">Lowercase letters, digits and '-' only, e.g. <c>weights</c> or <c>image-batch</c>.</param>
    /// <exception cref="ArgumentException">The kind is not valid.</exception>
    Task<StoredBlob> PutAsync(string kind, ReadOnlyMemory<byte> content, CancellationToken ct);

    /// <summary>Reads a blob and checks its length and SHA-256 before handing it out.</summary>
    /// <exception cref="BlobNotFoundException">No blob is stored under the key.</exception>
    /// <exception cref="BlobCorruptException">The stored bytes do not match the reference.</exception>
    Task<byte[]> GetAsync(StoredBlob blob, CancellationToken ct);

    /// <summary>
    /// Whether a blob with the key and the expected length is stored. The hash is only checked by
    /// <see cref="GetAsync"/>, so that this stays cheap for large blobs.
    /// </summary>
    Task<bool> ExistsAsync(StoredBlob blob, CancellationToken ct);

    /// <summary>
    /// Points a mutable name (e.g. <c>pretrained/ab12cd</c>) at a blob, replacing any earlier target.
    /// Names use lowercase letters, digits, '-', '.' and '/' as a separator; no '..', no leading '/'.
    /// </summary>
    /// <exception cref="ArgumentException">The name or the blob reference is not valid.</exception>
    Task SetAliasAsync(string name, StoredBlob blob, CancellationToken ct);

    /// <summary>The blob a name points at, or <c>null</c> when the name was never set.</summary>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    /// <exception cref="InvalidDataException">The alias record on disk cannot be read.</exception>
    Task<StoredBlob?> GetAliasAsync(string name, CancellationToken ct);
}
