namespace PirMesh.Storage;

/// <summary>
/// A reference to an immutable blob: where it lives in the store and what its bytes must hash to.
/// Mirrors <c>PirMesh.Contracts.BlobRef</c> so that storage does not depend on the message contracts.
/// </summary>
/// <param name="Key">Store key, <c>{kind}/{sha256hex}</c>.</param>
/// <param name="Sha256">Lowercase hexadecimal SHA-256 of the content (64 characters).</param>
/// <param name="Length">Content length in bytes.</param>
public sealed record StoredBlob(string Key, string Sha256, long Length);
