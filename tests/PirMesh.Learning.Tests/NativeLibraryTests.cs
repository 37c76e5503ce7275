using TorchSharp;
using static TorchSharp.torch;

namespace PirMesh.Learning.Tests;

/// <remarks>
/// On Debian 12 and Ubuntu 22.04 the shipped libLibTorchSharp.so does not load at all; these tests pass there only
/// because the build rewrote its GLIBCXX_3.4.32 requirement (build/TorchSharpNative.targets).
/// </remarks>
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
}
