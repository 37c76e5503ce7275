using System.Text;

namespace PirMesh.Storage.Tests;

public class LocalFolderBlobStoreTests : IDisposable
{
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private readonly TempDir _dir = new();
    private readonly LocalFolderBlobStore _store;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public LocalFolderBlobStoreTests() => _store = new LocalFolderBlobStore(_dir.File("store"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PutAsync_ThenGetAsync_ReturnsSameBytes()
    {
        var content = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();

        var blob = await _store.PutAsync("weights", content, _ct);
        var read = await _store.GetAsync(blob, _ct);

        Assert.Equal(content, read);
        Assert.Equal(10_000, blob.Length);
    }

    [Fact]
    public async Task PutAsync_Abc_KeyIsKindAndKnownSha256()
    {
        var blob = await _store.PutAsync("test-kind", "abc"u8.ToArray(), _ct);

        Assert.Equal($"test-kind/{AbcSha256}", blob.Key);
        Assert.Equal(AbcSha256, blob.Sha256);
        Assert.Equal(3, blob.Length);
        Assert.Equal(AbcSha256, Sha256Hex.Of("abc"u8));
    }

    [Fact]
    public async Task PutAsync_SameContentTwice_SameKeyAndOneFile()
    {
        var first = await _store.PutAsync("weights", "same"u8.ToArray(), _ct);
        var second = await _store.PutAsync("weights", "same"u8.ToArray(), _ct);

        Assert.Equal(first, second);
        Assert.Single(Directory.GetFiles(Path.Combine(_store.Root, "blobs", "weights")));
    }

    [Fact]
    public async Task PutAsync_ConcurrentSameContent_OneCompleteFileAndNoTempFiles()
    {
        var content = new byte[1 << 20];
        new Random(3).NextBytes(content);

        var blobs = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => _store.PutAsync("weights", content, _ct), _ct)));

        Assert.All(blobs, blob => Assert.Equal(blobs[0], blob));
        Assert.Single(Directory.GetFiles(Path.Combine(_store.Root, "blobs", "weights")));
        Assert.Equal(content, await _store.GetAsync(blobs[0], _ct));
    }

    [Fact]
    public async Task GetAsync_TruncatedFile_ThrowsCorruptNamingKeyAndPutRepairs()
    {
        var content = Encoding.UTF8.GetBytes("a blob that will lose its tail");
        var blob = await _store.PutAsync("image-batch", content, _ct);
        var path = Path.Combine(_store.Root, "blobs", "image-batch", blob.Sha256);
        await File.WriteAllBytesAsync(path, content[..10], _ct);

        var error = await Assert.ThrowsAsync<BlobCorruptException>(() => _store.GetAsync(blob, _ct));

        Assert.Contains(blob.Key, error.Message);
        Assert.Contains("truncated or corrupt", error.Message);
        Assert.Equal(10, error.ActualLength);
        Assert.Equal(content.Length, error.ExpectedLength);
        Assert.False(await _store.ExistsAsync(blob, _ct));

        var again = await _store.PutAsync("image-batch", content, _ct);

        Assert.Equal(blob, again);
        Assert.Equal(content, await _store.GetAsync(blob, _ct));
        Assert.True(await _store.ExistsAsync(blob, _ct));
    }

    [Fact]
    public async Task GetAsync_SameLengthButChangedBytes_ThrowsCorrupt()
    {
        var blob = await _store.PutAsync("weights", "abc"u8.ToArray(), _ct);
        var path = Path.Combine(_store.Root, "blobs", "weights", AbcSha256);
        await File.WriteAllBytesAsync(path, "abd"u8.ToArray(), _ct);

        var error = await Assert.ThrowsAsync<BlobCorruptException>(() => _store.GetAsync(blob, _ct));

        Assert.Equal(Sha256Hex.Of("abd"u8), error.ActualSha256);
    }

    [Fact]
    public async Task GetAsync_MissingBlob_ThrowsNotFoundNamingKeyAndRoot()
    {
        var blob = new StoredBlob($"weights/{AbcSha256}", AbcSha256, 3);

        var error = await Assert.ThrowsAsync<BlobNotFoundException>(() => _store.GetAsync(blob, _ct));

        Assert.Contains(blob.Key, error.Message);
        Assert.Contains(_store.Root, error.Message);
        Assert.False(await _store.ExistsAsync(blob, _ct));
    }

    [Theory]
    [InlineData("Weights")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("a_b")]
    [InlineData("")]
    public async Task PutAsync_BadKind_ThrowsArgumentExceptionNamingKind(string kind)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.PutAsync(kind, "x"u8.ToArray(), _ct));

        Assert.Contains($"'{kind}'", error.Message);
    }

    [Fact]
    public async Task GetAsync_KeyThatEscapesTheStore_ThrowsArgumentException()
    {
        var blob = new StoredBlob($"../{AbcSha256}", AbcSha256, 3);

        await Assert.ThrowsAsync<ArgumentException>(() => _store.GetAsync(blob, _ct));
    }

    [Theory]
    [InlineData("/pretrained/x")]
    [InlineData("pretrained/../x")]
    [InlineData("Pretrained/x")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("a b")]
    [InlineData("a_b")]
    [InlineData("")]
    public async Task SetAliasAsync_BadName_ThrowsArgumentException(string name)
    {
        var blob = await _store.PutAsync("weights", "abc"u8.ToArray(), _ct);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.SetAliasAsync(name, blob, _ct));

        Assert.Contains($"'{name}'", error.Message);
    }

    [Fact]
    public async Task SetAliasAsync_ThenGetAliasAsync_ReturnsBlobAndOverwriteWins()
    {
        var first = await _store.PutAsync("weights", "first"u8.ToArray(), _ct);
        var second = await _store.PutAsync("weights", "second"u8.ToArray(), _ct);

        await _store.SetAliasAsync("pretrained/ab12cd.v1", first, _ct);
        var before = await _store.GetAliasAsync("pretrained/ab12cd.v1", _ct);
        await _store.SetAliasAsync("pretrained/ab12cd.v1", second, _ct);
        var after = await _store.GetAliasAsync("pretrained/ab12cd.v1", _ct);

        Assert.Equal(first, before);
        Assert.Equal(second, after);
        Assert.Null(await _store.GetAliasAsync("pretrained/other", _ct));
        Assert.Single(Directory.GetFiles(Path.Combine(_store.Root, "aliases")));
    }

    [Fact]
    public async Task GetAliasAsync_DamagedAliasFile_ThrowsInvalidData()
    {
        var blob = await _store.PutAsync("weights", "abc"u8.ToArray(), _ct);
        await _store.SetAliasAsync("cache/x", blob, _ct);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_store.Root, "aliases")));
        await File.WriteAllTextAsync(file, "{ not json", _ct);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _store.GetAliasAsync("cache/x", _ct));

        Assert.Contains(file, error.Message);
    }
}
