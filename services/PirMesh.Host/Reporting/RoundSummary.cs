using System.Text.Json.Serialization;

namespace PirMesh.Host.Reporting;

/// <summary>Mean, standard deviation and count of one set of PIRs.</summary>
public sealed record PirStats(double MeanPir, double SdPir, int N);

/// <summary>The PIRs of one batch: observed (positives over impressions) and, where known, true.</summary>
public sealed record BatchPirs(PirStats Observed, PirStats? True);

/// <summary>Welch's t-test and Cohen's d of after against before, for one kind of PIR.</summary>
/// <param name="ChangeInMeanPir">Mean after minus mean before, PIR units.</param>
/// <param name="PValue">Two-sided p-value of Welch's t-test.</param>
public sealed record TestSummary(PirStats Before, PirStats After, double ChangeInMeanPir, double CohensD,
    double WelchT, double WelchDf, double PValue, bool Significant);

/// <summary>
/// One before-after comparison. The headline numbers repeat the test on <see cref="Basis"/>: the true PIRs when
/// the users' true PIRs are known (no sampling noise), else the observed ones.
/// </summary>
/// <remarks>Not sealed: a <see cref="RoundSummary"/> is the round-start comparison plus the round's facts.</remarks>
public record ComparisonSummary
{
    public required BatchPirs Before { get; init; }

    public required BatchPirs After { get; init; }

    /// <summary><c>true</c> or <c>observed</c>: which PIRs the headline numbers test.</summary>
    public required string Basis { get; init; }

    public required double ChangeInMeanPir { get; init; }

    public required double CohensD { get; init; }

    public required double WelchT { get; init; }

    public required double WelchDf { get; init; }

    public required double PValue { get; init; }

    public required bool Significant { get; init; }

    public required TestSummary Observed { get; init; }

    public required TestSummary? True { get; init; }

    /// <summary>The test the headline numbers come from.</summary>
    public TestSummary Headline() => True ?? Observed;
}

/// <summary>
/// One round: its after-tuning batch against the round's start (the inherited headline), against the original
/// generator, and what the estimator and the tuning predicted. Holds no timestamps, only durations.
/// </summary>
public sealed record RoundSummary : ComparisonSummary
{
    // The round number comes first and the round's own facts after the inherited comparison (System.Text.Json
    // would otherwise write a derived type's properties before its base's), so a block reads top-down.
    [JsonPropertyOrder(-1)]
    public required int Round { get; init; }

    [JsonPropertyOrder(1)]
    public required ComparisonSummary VersusOriginal { get; init; }

    /// <summary>The estimator's mean PIR of the starting generator, on fresh latents.</summary>
    [JsonPropertyOrder(1)]
    public required double EstimatedBefore { get; init; }

    /// <summary>The estimator's mean PIR of the tuned generator, on the same latents.</summary>
    [JsonPropertyOrder(1)]
    public required double EstimatedAfter { get; init; }

    [JsonPropertyOrder(1)]
    public required double EstimatedChange { get; init; }

    [JsonPropertyOrder(1)]
    public required EstimatorSummary Estimator { get; init; }

    [JsonPropertyOrder(1)]
    public required TrainingBatchSummary Training { get; init; }

    [JsonPropertyOrder(1)]
    public required RoundDurations DurationsSeconds { get; init; }

    [JsonPropertyOrder(1)]
    public required double SecondsPerTuningStep { get; init; }

    [JsonPropertyOrder(1)]
    public required RoundArtifacts Artifacts { get; init; }
}

/// <summary>How well the round's PIR estimator fits held-out images.</summary>
/// <param name="ValMae">Mean absolute error on the validation images, PIR units.</param>
/// <param name="ValPearson">Pearson correlation of estimate and observed PIR on the validation images.</param>
public sealed record EstimatorSummary(double ValMae, double ValPearson, int TrainCount, int ValidationCount);

/// <summary>Mean PIRs and the spread of the batch the round showed to users to train its estimator.</summary>
public sealed record TrainingBatchSummary(double MeanObservedPir, double? MeanTruePir, PirSpreadSummary Spread);

/// <summary>
/// How widely a batch's PIRs spread: sample SD and the share of PIRs at or above <paramref name="ZeroBelow"/>
/// (outside the PIR estimator's first bin).
/// </summary>
/// <param name="Basis"><c>true</c>, or <c>observed</c> where the users' true PIRs are unknown.</param>
public sealed record PirSpreadSummary(string Basis, double SdPir, double NonZeroShare, double ZeroBelow);

/// <summary>Wall time of each step of a round, in seconds.</summary>
/// <param name="Sampling">The training batch and the after-tuning batch.</param>
/// <param name="Interactions">Interactions on the training batch and the after-tuning batch.</param>
public sealed record RoundDurations(double Sampling, double Interactions, double EstimatorTraining, double Tuning,
    double Statistics);

/// <summary>File names of a round's images, relative to the report folder; null where nothing was drawn.</summary>
public sealed record RoundArtifacts(string SamplesBefore, string SamplesAfter, string PirHistogram,
    string? LossesTuning, string? LossesEstimator);
