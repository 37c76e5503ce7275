using PirMesh.Contracts;
using PirMesh.Storage;

namespace PirMesh.ServiceDefaults;

/// <summary>Moves between the store's blob handles and the references messages carry.</summary>
public static class BlobRefs
{
    public static BlobRef ToRef(this StoredBlob blob) => new(blob.Key, blob.Sha256, blob.Length);

    public static StoredBlob ToStored(this BlobRef blob) => new(blob.Key, blob.Sha256, blob.Length);

    public static async Task<BlobRef> StoreAsync(this IBlobStore store, string kind, byte[] content,
        CancellationToken cancellationToken) =>
        (await store.PutAsync(kind, content, cancellationToken)).ToRef();

    public static Task<byte[]> GetAsync(this IBlobStore store, BlobRef blob, CancellationToken cancellationToken) =>
        store.GetAsync(blob.ToStored(), cancellationToken);
}
