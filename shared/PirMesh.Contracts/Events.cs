namespace PirMesh.Contracts;

/// <summary>A pretrained GAN is ready.</summary>
/// <param name="Generator">Checkpoint holding the generator and the discriminator.</param>
/// <param name="FromCache">True when pretraining was skipped because the same data and settings were cached.</param>
/// <param name="LossHistory">CSV of step, generator loss, discriminator loss; null when taken from the cache.</param>
public sealed record GeneratorReady(
    Guid LoopId, BlobRef Generator, bool FromCache, BlobRef? LossHistory, double DurationSeconds);

/// <summary>A batch of images was sampled and stored.</summary>
/// <param name="Preview">PNG grid of up to 64 samples per class.</param>
public sealed record SamplesGenerated(
    Guid LoopId, int Round, SamplePurpose Purpose, BlobRef Batch, int Count, BlobRef Preview,
    double ImagesPerSecond, double DurationSeconds);

/// <summary>Interactions were collected on a batch.</summary>
/// <param name="Interactions">CSV with one row per image: impressions, positives, true PIR (empty if unknown).</param>
/// <param name="Spread">How widely the batch's PIRs spread: true PIRs where known, else observed ones.</param>
public sealed record InteractionsCollected(
    Guid LoopId, int Round, SamplePurpose Purpose, BlobRef Batch, BlobRef Interactions, int Count,
    double MeanObservedPir, double? MeanTruePir, double ImagesPerSecond, double DurationSeconds, PirSpread Spread);

/// <summary>A PIR estimator was trained and stored.</summary>
/// <param name="ValidationMae">Mean absolute error on the held-out images, PIR units.</param>
/// <param name="ValidationPearson">Pearson correlation of estimate and observed PIR on the held-out images.</param>
public sealed record EstimatorTrained(
    Guid LoopId, int Round, BlobRef Estimator, int TrainCount, int ValidationCount, double ValidationMae,
    double ValidationPearson, BlobRef LossHistory, double DurationSeconds);

/// <summary>A generator was tuned against the estimator.</summary>
/// <param name="EstimatedBefore">Mean estimated PIR of the starting generator (fresh latents).</param>
/// <param name="EstimatedAfter">Mean estimated PIR of the tuned generator (same latents).</param>
/// <param name="SecondsPerStep">Wall time of one generator-plus-discriminator update.</param>
public sealed record GeneratorTuned(
    Guid LoopId, int Round, BlobRef Generator, double EstimatedBefore, double EstimatedAfter,
    double SecondsPerStep, BlobRef LossHistory, double DurationSeconds);

/// <summary>A round's comparisons are ready.</summary>
public sealed record RoundEvaluated(
    Guid LoopId, int Round, Comparison VersusRoundStart, Comparison VersusOriginal, double DurationSeconds);

/// <summary>The loop finished every round.</summary>
public sealed record LoopCompleted(Guid LoopId, LoopSettings Settings, IReadOnlyList<RoundOutcome> Rounds,
    PretrainOutcome Pretraining);

/// <summary>A step of the loop failed; the loop stops.</summary>
/// <param name="Step">The command that failed, such as <c>TrainEstimator</c>.</param>
/// <param name="Reason">The error, worded for the operator.</param>
public sealed record LoopFaulted(Guid LoopId, string Step, string Reason);
