using System.Text.Json;
using PirMesh.Learning.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace PirMesh.Learning.Training;

/// <summary>Saves and restores a PIR estimator together with what is needed to rebuild its network.</summary>
public static class EstimatorModel
{
    private const string Magic = "PMEST1";

    public static byte[] ToBytes(PirEstimator estimator, Preset preset, int classCount)
    {
        var header = new Header(Magic, preset.Name, estimator.BackboneName, classCount);
        return Checkpoint.Write(JsonSerializer.SerializeToUtf8Bytes(header), GanModel.Save(estimator));
    }

    /// <exception cref="InvalidDataException">The bytes are not a complete estimator checkpoint.</exception>
    public static PirEstimator FromBytes(ReadOnlySpan<byte> bytes, Device device)
    {
        var sections = Checkpoint.Read(bytes, expectedSections: 2, what: "estimator checkpoint");
        var header = JsonSerializer.Deserialize<Header>(sections[0]);
        if (header is null || header.Magic != Magic)
        {
            throw new InvalidDataException("estimator checkpoint has an unknown header");
        }
        var estimator = EstimatorFactory.Create(header.Backbone, Preset.Named(header.Preset), header.ClassCount, null);
        GanModel.Load(estimator, sections[1], "estimator");
        estimator.to(device);
        // A restored estimator is used frozen: batch normalisation must use its running statistics.
        estimator.eval();
        return estimator;
    }

    private sealed record Header(string Magic, string Preset, string Backbone, int ClassCount);
}
