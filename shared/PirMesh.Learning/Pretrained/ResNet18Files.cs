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

    /// <summary>The folder the files are looked up in: the environment variable, else next to this assembly.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "models", "resnet18");

    /// <summary>Full paths of the network and preprocessing files.</summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message says where it was expected.</exception>
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
        return (network, preprocess);
    }

    /// <summary>
    /// Checks, without building the network, that both files are present and parse as ONNX models: what a run
    /// checks before any work, so a missing or damaged file does not surface only after pretraining.
    /// </summary>
    /// <returns>Null when the files are usable, else what is wrong with them.</returns>
    public static string? Problem(string? folder = null)
    {
        try
        {
            var (network, preprocess) = Locate(folder);
            OnnxReader.ReadModel(network);
            OnnxReader.ReadModel(preprocess);
            return null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
