using PirMesh.Contracts;
using PirMesh.Statistics;

namespace PirMesh.Host.Reporting;

/// <summary>Turns a completed loop, the host's facts and the written file names into <c>summary.json</c>.</summary>
internal static class SummaryBuilder
{
    public static SummaryDocument Build(LoopCompleted loop, RunFacts facts, string? pretrainingChart,
        IReadOnlyList<RoundArtifacts> artifacts)
    {
        var settings = loop.Settings;
        return new SummaryDocument
        {
            LoopId = loop.LoopId,
            StartedAt = facts.StartedAt,
            Preset = settings.Preset,
            Objective = settings.Objective,
            Seed = settings.Seed,
            Threads = facts.Threads,
            Device = facts.Device,
            EstimatorBackbone = settings.Estimator,
            DataDirectory = settings.DataDirectory,
            ClassMapFile = settings.ClassMapFile,
            ImagesPerRound = settings.ImagesPerRound,
            EvaluationImages = settings.EvaluationImages,
            ImpressionsPerImage = settings.ImpressionsPerImage,
            RoundCount = loop.Rounds.Count,
            Alpha = RoundComparer.Alpha,
            InitialSpread = loop.Rounds.Count == 0 ? null : Spread(loop.Rounds[0].TrainingInteractions.Spread),
            Caveats = new[]
                {
                    SharedNetworkCaveat.For(settings.Objective, settings.Estimator),
                    SparseSignalCaveat.For(loop.Rounds.Count == 0 ? null : loop.Rounds[0].TrainingInteractions.Spread),
                }
                .OfType<string>().ToList(),
            Pretraining = new PretrainingSummary(loop.Pretraining.FromCache, loop.Pretraining.DurationSeconds,
                loop.Pretraining.Generator.Key, pretrainingChart),
            Performance = Performance(loop.Rounds, facts),
            Rounds = loop.Rounds.Select((round, i) => Round(round, artifacts[i])).ToList(),
        };
    }

    private static PerformanceSummary Performance(IReadOnlyList<RoundOutcome> rounds, RunFacts facts)
    {
        // A round's before-batch is the previous round's after-batch (the same event), so speeds are averaged
        // over distinct batches rather than counting one batch twice.
        var samples = rounds.SelectMany(r => new[] { r.TrainingSamples, r.BeforeSamples, r.AfterSamples })
            .Distinct();
        var interactions = rounds
            .SelectMany(r => new[] { r.TrainingInteractions, r.BeforeInteractions, r.AfterInteractions })
            .Distinct();
        var original = rounds.Count == 0
            ? 0
            : rounds[0].BeforeSamples.DurationSeconds + rounds[0].BeforeInteractions.DurationSeconds;
        return new PerformanceSummary(
            Mean(rounds.Select(r => r.Tuning.SecondsPerStep)),
            Mean(samples.Select(s => s.ImagesPerSecond)),
            Mean(interactions.Select(i => i.ImagesPerSecond)),
            original, facts.PeakResidentMegabytes, facts.TotalSeconds);
    }

    private static RoundSummary Round(RoundOutcome round, RoundArtifacts artifacts)
    {
        var start = Compare(round.Evaluation.VersusRoundStart);
        return new RoundSummary
        {
            Round = round.Round,
            Before = start.Before,
            After = start.After,
            Basis = start.Basis,
            ChangeInMeanPir = start.ChangeInMeanPir,
            CohensD = start.CohensD,
            WelchT = start.WelchT,
            WelchDf = start.WelchDf,
            PValue = start.PValue,
            Significant = start.Significant,
            Observed = start.Observed,
            True = start.True,
            VersusOriginal = Compare(round.Evaluation.VersusOriginal),
            EstimatedBefore = round.Tuning.EstimatedBefore,
            EstimatedAfter = round.Tuning.EstimatedAfter,
            EstimatedChange = round.Tuning.EstimatedAfter - round.Tuning.EstimatedBefore,
            Estimator = new EstimatorSummary(round.Estimator.ValidationMae, round.Estimator.ValidationPearson,
                round.Estimator.TrainCount, round.Estimator.ValidationCount),
            Training = new TrainingBatchSummary(round.TrainingInteractions.MeanObservedPir,
                round.TrainingInteractions.MeanTruePir, Spread(round.TrainingInteractions.Spread)),
            DurationsSeconds = new RoundDurations(
                round.TrainingSamples.DurationSeconds + round.AfterSamples.DurationSeconds,
                round.TrainingInteractions.DurationSeconds + round.AfterInteractions.DurationSeconds,
                round.Estimator.DurationSeconds, round.Tuning.DurationSeconds, round.Evaluation.DurationSeconds),
            SecondsPerTuningStep = round.Tuning.SecondsPerStep,
            Artifacts = artifacts,
        };
    }

    private static ComparisonSummary Compare(Comparison comparison)
    {
        var observed = Test(comparison.Observed);
        var truth = comparison.True is null ? null : Test(comparison.True);
        var headline = truth ?? observed;
        return new ComparisonSummary
        {
            Before = new BatchPirs(observed.Before, truth?.Before),
            After = new BatchPirs(observed.After, truth?.After),
            Basis = truth is null ? "observed" : "true",
            ChangeInMeanPir = headline.ChangeInMeanPir,
            CohensD = headline.CohensD,
            WelchT = headline.WelchT,
            WelchDf = headline.WelchDf,
            PValue = headline.PValue,
            Significant = headline.Significant,
            Observed = observed,
            True = truth,
        };
    }

    private static TestSummary Test(TestResult result) =>
        new(Stats(result.Before), Stats(result.After), result.ChangeInMeanPir, result.CohensD, result.WelchT,
            result.WelchDf, result.PValue, result.Significant);

    private static PirSpreadSummary Spread(PirSpread spread) =>
        new(spread.Basis, spread.SdPir, spread.NonZeroShare, spread.ZeroBelow);

    private static PirStats Stats(PirSummary summary) => new(summary.MeanPir, summary.SdPir, summary.N);

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }
}
