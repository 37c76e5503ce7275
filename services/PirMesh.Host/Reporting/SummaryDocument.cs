namespace PirMesh.Host.Reporting;

/// <summary>
/// The shape of <c>summary.json</c>. Everything except <see cref="StartedAt"/>, <see cref="LoopId"/> and
/// <see cref="Performance"/> follows from the loop's settings and seed, so two runs of one seed can be diffed.
/// Non-finite numbers are written as <c>null</c>.
/// </summary>
public sealed record SummaryDocument
{
    public required Guid LoopId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required string Preset { get; init; }

    public required string Objective { get; init; }

    public required long Seed { get; init; }

    public required int Threads { get; init; }

    /// <summary>Torch device type the run used.</summary>
    public required string Device { get; init; }

    /// <summary>PIR estimator backbone: <c>scratch</c> or <c>discriminator</c>.</summary>
    public required string EstimatorBackbone { get; init; }

    public required string DataDirectory { get; init; }

    public required string? ClassMapFile { get; init; }

    public required int ImagesPerRound { get; init; }

    public required int EvaluationImages { get; init; }

    public required int ImpressionsPerImage { get; init; }

    /// <summary>Rounds the loop completed.</summary>
    public required int RoundCount { get; init; }

    /// <summary>Significance threshold of every test in the report.</summary>
    public required double Alpha { get; init; }

    /// <summary>
    /// The objective's initial SD and non-zero share: the spread of round 1's training batch, from the original
    /// generator. Null when no round completed.
    /// </summary>
    public required PirSpreadSummary? InitialSpread { get; init; }

    /// <summary>Plain-language warnings about how to read the results; empty when there are none.</summary>
    public required IReadOnlyList<string> Caveats { get; init; }

    public required PretrainingSummary Pretraining { get; init; }

    public required PerformanceSummary Performance { get; init; }

    public required IReadOnlyList<RoundSummary> Rounds { get; init; }
}

/// <summary>How the pretrained GAN was obtained.</summary>
/// <param name="Checkpoint">Blob key of the pretrained generator and discriminator.</param>
/// <param name="DurationSeconds">Wall time of pretraining, or of the cache look-up.</param>
/// <param name="LossesChart">File name of the loss chart; null when the losses are unknown (cache hit).</param>
public sealed record PretrainingSummary(bool FromCache, double DurationSeconds, string Checkpoint,
    string? LossesChart);

/// <summary>Speeds and resources of the run; these vary between machines and runs.</summary>
/// <param name="SecondsPerTuningStep">Mean over rounds of one generator-plus-discriminator update, seconds.</param>
/// <param name="SamplingImagesPerSecond">Mean over every distinct sampled batch.</param>
/// <param name="ScoringImagesPerSecond">Mean over every distinct batch shown to the (simulated) users.</param>
/// <param name="OriginalEvaluationSeconds">
/// Sampling plus interactions of the original generator's evaluation batch, which no round's durations include.
/// </param>
/// <param name="PeakResidentMegabytes">Peak resident set size of the process, MiB.</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
public sealed record PerformanceSummary(double SecondsPerTuningStep, double SamplingImagesPerSecond,
    double ScoringImagesPerSecond, double OriginalEvaluationSeconds, double PeakResidentMegabytes,
    double TotalSeconds);
