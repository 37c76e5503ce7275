using PirMesh.Imaging;

namespace PirMesh.Tuning;

/// <summary>The real images a GAN learns from: a pool of square crops and a fingerprint of the photos.</summary>
/// <param name="Fingerprint">SHA-256 over photo names, contents and classes; part of the pretraining cache key.</param>
public sealed record TrainingSet(IReadOnlyList<string> ClassNames, string Fingerprint, ImageBatch Crops,
    int PhotoCount);
