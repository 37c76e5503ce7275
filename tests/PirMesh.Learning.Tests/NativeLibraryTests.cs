using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace PirMesh.Learning.Tests;

public sealed class NativeLibraryTests
{
    [Fact]
    public void LibTorchSharp_LoadsAndComputes_AMatrixProduct()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        using var b = tensor(new float[] { 5, 6, 7, 8 }, new long[] { 2, 2 });
        using var product = a.matmul(b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());
    }

    [Fact]
    public void LibTorchSharp_InTheOutputFolder_NeedsNoLibstdcxxNewerThanTheSystemHas()
    {
        var library = Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories)
            .FirstOrDefault();
        Assert.NotNull(library);
        var systemLibrary = new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib64/libstdc++.so.6" }
            .FirstOrDefault(File.Exists);
        Assert.SkipWhen(systemLibrary is null, "no system libstdc++ found where Debian and Fedora keep it");
        var systemHas32 = Contains(File.ReadAllBytes(systemLibrary!), "GLIBCXX_3.4.32\0");
        var libraryNeeds32 = Contains(File.ReadAllBytes(library), "GLIBCXX_3.4.32\0");
        // The build rewrites the requirement only where the system lacks the version.
        Assert.True(systemHas32 || !libraryNeeds32,
            $"{library} still requires GLIBCXX_3.4.32, which {systemLibrary} does not define");
    }

    [Fact]
    public void SetNumThreads_ExplicitCount_IsWhatLibtorchUses()
    {
        var before = torch.get_num_threads();
        try
        {
            torch.set_num_threads(1);
            Assert.Equal(1, torch.get_num_threads());
        }
        finally
        {
            torch.set_num_threads(before);
        }
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;
}
