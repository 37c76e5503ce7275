namespace PirMesh.Contracts;

/// <summary>Starts a feedback loop. Handled by the coordinator.</summary>
public sealed record StartLoop(Guid LoopId, LoopSettings Settings);

/// <summary>Asks the tuning service for a pretrained GAN: from the cache, or trained now.</summary>
public sealed record PrepareGenerator(Guid LoopId, LoopSettings Settings);

/// <summary>Asks the sampling service for <paramref name="Count"/> images from a generator, classes balanced.</summary>
/// <param name="Seed">Seed of the latents; fresh latents need a fresh seed.</param>
public sealed record GenerateSamples(
    Guid LoopId, int Round, SamplePurpose Purpose, BlobRef Generator, int Count, long Seed, string Preset);

/// <summary>Asks the interactions service to show a batch to users and record what they did.</summary>
/// <param name="Impressions">Impressions per image, greater than zero.</param>
public sealed record CollectInteractions(
    Guid LoopId, int Round, SamplePurpose Purpose, BlobRef Batch, string Objective, int Impressions, long Seed);

/// <summary>Asks the estimator-training service to fit a PIR estimator on every batch listed.</summary>
public sealed record TrainEstimator(
    Guid LoopId, int Round, IReadOnlyList<LabelledBatch> Batches, string Preset, string Backbone, long Seed,
    BlobRef? Discriminator);

/// <summary>Asks the tuning service to tune a generator against a frozen PIR estimator.</summary>
public sealed record TuneGenerator(
    Guid LoopId, int Round, BlobRef Generator, BlobRef Estimator, LoopSettings Settings, long Seed);

/// <summary>Asks the statistics service to compare the PIRs of a round's after-batch with earlier batches.</summary>
public sealed record EvaluateRound(
    Guid LoopId, int Round, BlobRef RoundStart, BlobRef Original, BlobRef After,
    double EstimatedBefore, double EstimatedAfter);

/// <summary>What a batch of images is for.</summary>
public enum SamplePurpose
{
    /// <summary>Shown to users to train the estimator.</summary>
    Training,

    /// <summary>Shown to users only to measure PIR.</summary>
    Evaluation,
}

/// <summary>An image batch and the interactions collected on it.</summary>
public sealed record LabelledBatch(BlobRef Batch, BlobRef Interactions);
