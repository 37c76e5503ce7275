namespace PirMesh.Contracts;

/// <summary>Summary statistics of one set of PIRs.</summary>
public sealed record PirSummary(double MeanPir, double SdPir, int N);

/// <summary>Welch's t-test and effect size of after against before, for one kind of PIR.</summary>
/// <param name="Significant">True when <see cref="PValue"/> is below the loop's alpha (0.001).</param>
public sealed record TestResult(
    PirSummary Before, PirSummary After, double ChangeInMeanPir, double CohensD, double WelchT, double WelchDf,
    double PValue, bool Significant);

/// <summary>One before-after comparison: on the noisy observed PIRs and, where known, the true PIRs.</summary>
/// <param name="Before">Interactions of the earlier batch.</param>
/// <param name="After">Interactions of the batch after tuning.</param>
/// <param name="EstimatedBefore">The estimator's mean PIR before tuning, where this comparison has one.</param>
/// <param name="EstimatedAfter">The estimator's mean PIR after tuning, where this comparison has one.</param>
public sealed record Comparison(BlobRef Before, BlobRef After, TestResult Observed, TestResult? True,
    double? EstimatedBefore, double? EstimatedAfter);

/// <summary>How pretraining went.</summary>
public sealed record PretrainOutcome(BlobRef Generator, bool FromCache, BlobRef? LossHistory, double DurationSeconds);

/// <summary>Everything the loop learned in one round, for the report.</summary>
public sealed record RoundOutcome
{
    public required int Round { get; init; }
    public required RoundEvaluated Evaluation { get; init; }
    public required EstimatorTrained Estimator { get; init; }
    public required GeneratorTuned Tuning { get; init; }
    public required SamplesGenerated TrainingSamples { get; init; }
    public required InteractionsCollected TrainingInteractions { get; init; }
    public required SamplesGenerated BeforeSamples { get; init; }
    public required SamplesGenerated AfterSamples { get; init; }
    public required InteractionsCollected BeforeInteractions { get; init; }
    public required InteractionsCollected AfterInteractions { get; init; }
}
