using System.Text.Json;

namespace PirMesh.Storage;

/// <summary>
/// A blob store in a local folder: blobs at <c>blobs/{kind}/{sha256}</c>, aliases as small JSON files in
/// <c>aliases/</c>. Every file is written to a temporary name beside its target and renamed into place, so
/// readers and concurrent writers of the same key only ever see complete files.
/// </summary>
public sealed class LocalFolderBlobStore : IBlobStore
{
    private const string TempPrefix = ".tmp-";

    private static readonly JsonSerializerOptions AliasJson = new() { WriteIndented = true };

    private readonly string _blobRoot;
    private readonly string _aliasRoot;

    /// <summary>Opens the store at <paramref name="root"/>, creating the folder when it is absent.</summary>
    public LocalFolderBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        _blobRoot = Path.Combine(Root, "blobs");
        _aliasRoot = Path.Combine(Root, "aliases");
        Directory.CreateDirectory(_blobRoot);
        Directory.CreateDirectory(_aliasRoot);
    }

    /// <summary>Absolute path of the store's folder.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public async Task<StoredBlob> PutAsync(string kind, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        BlobNames.ValidateKind(kind);
        var hash = Sha256Hex.Of(content.Span);
        var blob = new StoredBlob($"{kind}/{hash}", hash, content.Length);
        var path = BlobPath(kind, hash);

        if (await VerifiesAsync(path, blob, ct).ConfigureAwait(false))
        {
            return blob;
        }

        // Reaching here with an existing file means it failed verification; the rename replaces it.
        await WriteAtomicallyAsync(path, content, ct).ConfigureAwait(false);
        return blob;
    }

    /// <inheritdoc />
    public async Task<byte[]> GetAsync(StoredBlob blob, CancellationToken ct)
    {
        var (kind, hash) = BlobNames.ValidateBlob(blob, nameof(blob));
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(BlobPath(kind, hash), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException(blob.Key, Root, e);
        }

        var actual = Sha256Hex.Of(bytes);
        if (bytes.LongLength != blob.Length || actual != blob.Sha256)
        {
            throw new BlobCorruptException(blob.Key, blob.Sha256, blob.Length, actual, bytes.LongLength);
        }

        return bytes;
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(StoredBlob blob, CancellationToken ct)
    {
        var (kind, hash) = BlobNames.ValidateBlob(blob, nameof(blob));
        ct.ThrowIfCancellationRequested();
        var file = new FileInfo(BlobPath(kind, hash));
        return Task.FromResult(file.Exists && file.Length == blob.Length);
    }

    /// <inheritdoc />
    public async Task SetAliasAsync(string name, StoredBlob blob, CancellationToken ct)
    {
        BlobNames.ValidateAlias(name);
        BlobNames.ValidateBlob(blob, nameof(blob));
        var record = new AliasRecord(name, blob.Key, blob.Sha256, blob.Length);
        var json = JsonSerializer.SerializeToUtf8Bytes(record, AliasJson);
        await WriteAtomicallyAsync(AliasPath(name), json, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredBlob?> GetAliasAsync(string name, CancellationToken ct)
    {
        BlobNames.ValidateAlias(name);
        var path = AliasPath(name);
        byte[] json;
        try
        {
            json = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        AliasRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<AliasRecord>(json, AliasJson);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"alias file {path} is not valid JSON: {e.Message}", e);
        }

        if (record is null || record.Name != name || record.Key is null || record.Sha256 is null)
        {
            throw new InvalidDataException($"alias file {path} does not describe alias '{name}'");
        }

        var blob = new StoredBlob(record.Key, record.Sha256, record.Length);
        try
        {
            BlobNames.ValidateBlob(blob, nameof(name));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"alias file {path} holds an invalid blob reference: {e.Message}", e);
        }

        return blob;
    }

    private string BlobPath(string kind, string hash) => Path.Combine(_blobRoot, kind, hash);

    // '_' is not allowed in alias names, so mapping '/' to it keeps distinct names in distinct files
    // while the folder stays flat (no alias can collide with another alias's directory).
    private string AliasPath(string name) => Path.Combine(_aliasRoot, name.Replace('/', '_') + ".json");

    private static async Task<bool> VerifiesAsync(string path, StoredBlob blob, CancellationToken ct)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await using (stream.ConfigureAwait(false))
            {
                return stream.Length == blob.Length
                    && await Sha256Hex.OfAsync(stream, ct).ConfigureAwait(false) == blob.Sha256;
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    private static async Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);

        // A unique temporary name per writer lets concurrent puts of one key proceed without a lock:
        // each renames a complete file over the target, and all of them carry the same bytes.
        // REVIEW: a process killed between creating and renaming leaves a .tmp- file behind; nothing sweeps them.
        var temp = Path.Combine(folder, $"{TempPrefix}{Path.GetFileName(path)}-{Guid.NewGuid():N}");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, ct).ConfigureAwait(false);

                // Flushed before the rename so that a crash cannot leave a renamed but empty file.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private sealed record AliasRecord(string Name, string Key, string Sha256, long Length);
}
