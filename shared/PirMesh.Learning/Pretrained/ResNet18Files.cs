using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PirMesh.Learning.Pretrained;

/// <summary>
/// Finds the ONNX files of the ImageNet-pretrained ResNet-18 that ship in the NuGet package
/// <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.24.0. The build copies them under <c>models/resnet18/</c>
/// next to the assemblies; <see cref="EnvironmentVariable"/> points elsewhere.
/// </summary>
public static class ResNet18Files
{
    /// <summary>Folder holding <c>ResNet18.onnx</c> and <c>ResNetPreprocess.onnx</c>, overriding the default.</summary>
    public const string EnvironmentVariable = "PIRMESH_RESNET18_DIR";

    public const string NetworkFileName = "ResNet18.onnx";

    public const string PreprocessFileName = "ResNetPreprocess.onnx";

    /// <summary>SHA-256 of the package's <c>ResNet18.onnx</c> (63,653,533 bytes).</summary>
    public const string NetworkSha256 = "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f";

    /// <summary>SHA-256 of the package's <c>ResNetPreprocess.onnx</c> (602,584 bytes).</summary>
    public const string PreprocessSha256 = "84bf8def78d0befaa3f6e73745d57d7016c6a192ead76f79686bd438c1047004";

    private const string Package = "Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0";

    /// <summary>Files already hashed, by path, size and time written, so a process hashes each file once.</summary>
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), bool> Verified = [];

    /// <summary>The folder the files are looked up in: the environment variable, else next to this assembly.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "models", "resnet18");

    /// <summary>Full paths of the network and preprocessing files, checked against the package's hashes.</summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message says where it was expected.</exception>
    /// <exception cref="InvalidDataException">A file is not the package's: damaged, truncated or another one.
    /// </exception>
    public static (string Network, string Preprocess) Locate(string? folder = null)
    {
        folder ??= Folder;
        var network = Path.Combine(folder, NetworkFileName);
        var preprocess = Path.Combine(folder, PreprocessFileName);
        foreach (var path in new[] { network, preprocess })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"the pretrained ResNet-18 file '{Path.GetFullPath(path)}' is missing. It comes from the NuGet "
                    + "package Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0, which the build restores and copies "
                    + $"under models/resnet18/; rebuild, or set {EnvironmentVariable} to a folder holding "
                    + $"{NetworkFileName} and {PreprocessFileName}.", path);
            }
        }
        Verify(network, NetworkSha256);
        Verify(preprocess, PreprocessSha256);
        return (network, preprocess);
    }

    /// <summary>
    /// A file that parses may still be damaged (a few flipped bytes give NaN features and silently useless
    /// objectives) or be the other of the two files, so both are compared with the package's SHA-256.
    /// </summary>
    private static void Verify(string path, string expected)
    {
        var info = new FileInfo(path);
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        if (Verified.ContainsKey(key))
        {
            return;
        }
        string actual;
        using (var stream = info.OpenRead())
        {
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        if (actual != expected)
        {
            throw new InvalidDataException(
                $"the pretrained ResNet-18 file '{info.FullName}' ({info.Length:N0} bytes) is not the one {Package} "
                + $"ships: its SHA-256 is {actual}, expected {expected}. It is damaged, truncated or another file; "
                + $"delete it and rebuild to restore it, or set {EnvironmentVariable} to a folder holding the "
                + "package's files.");
        }
        Verified[key] = true;
    }

    /// <summary>
    /// Checks, without building the network, that both files are present and are the package's: what a run
    /// checks before any work, so a missing or damaged file does not surface only after pretraining.
    /// </summary>
    /// <returns>Null when the files are usable, else what is wrong with them.</returns>
    public static string? Problem(string? folder = null)
    {
        try
        {
            Locate(folder);
            return null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
