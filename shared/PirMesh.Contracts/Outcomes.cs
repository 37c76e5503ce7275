namespace PirMesh.Contracts;

/// <summary>Summary statistics of one set of PIRs.</summary>
public sealed record PirSummary(double MeanPir, double SdPir, int N);

/// <summary>
/// How widely one batch's PIRs spread, as the PIR estimator sees its training data: the sample standard deviation
/// and the share of images that are not "zero", i.e. whose PIR is at least the upper edge of the estimator's first
/// bin (1/100). An objective whose PIRs barely vary, or are mostly zero, gives the estimator little to learn.
/// </summary>
/// <param name="Basis">
/// <c>true</c> when the users' true PIR of every image is known (simulated users), else <c>observed</c>
/// (positives over impressions, which adds the binomial noise of a finite number of impressions).
/// </param>
/// <param name="SdPir">Sample standard deviation (n - 1 denominator); NaN for fewer than two images.</param>
/// <param name="NonZeroShare">Share of images whose PIR is at least <paramref name="ZeroBelow"/>, in [0, 1].</param>
/// <param name="ZeroBelow">The threshold under which a PIR counts as zero: the width of one estimator bin.</param>
public sealed record PirSpread(string Basis, double SdPir, double NonZeroShare, double ZeroBelow);

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
