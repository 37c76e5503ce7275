using System.Globalization;
using System.Text;

namespace PirMesh.Host.Reporting;

/// <summary>Where the run's time went and how fast its parts ran.</summary>
internal static class TimingSection
{
    public static void Append(StringBuilder text, SummaryDocument summary)
    {
        text.Append("## Timings and performance\n\n");
        if (summary.Rounds.Count > 0)
        {
            text.Append("| Round | Sampling | Interactions | Estimator training | Tuning | Statistics ")
                .Append("| Seconds per tuning step |\n");
            text.Append("|--:|--:|--:|--:|--:|--:|--:|\n");
            foreach (var round in summary.Rounds)
            {
                var d = round.DurationsSeconds;
                string[] cells =
                [
                    round.Round.ToString(CultureInfo.InvariantCulture), ReportNumbers.Seconds(d.Sampling),
                    ReportNumbers.Seconds(d.Interactions), ReportNumbers.Seconds(d.EstimatorTraining),
                    ReportNumbers.Seconds(d.Tuning), ReportNumbers.Seconds(d.Statistics),
                    ReportNumbers.Fixed(round.SecondsPerTuningStep, 3),
                ];
                text.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
            }

            text.Append("\nSampling and interactions cover each round's training batch and after-tuning batch; ")
                .Append("a round's before-batch is the previous round's after-batch.\n\n");
        }

        var performance = summary.Performance;
        var pretraining = summary.Pretraining;
        text.Append($"- Pretraining: {ReportNumbers.Seconds(pretraining.DurationSeconds)}")
            .Append(pretraining.FromCache ? " (taken from the cache).\n" : ".\n");
        text.Append("- Original generator's evaluation batch (sampling and interactions): ")
            .Append(ReportNumbers.Seconds(performance.OriginalEvaluationSeconds)).Append(".\n");
        text.Append("- Mean time per tuning step: ")
            .Append(ReportNumbers.Fixed(performance.SecondsPerTuningStep, 3)).Append(" s.\n");
        text.Append($"- Sampling: {ReportNumbers.Fixed(performance.SamplingImagesPerSecond, 1)} images/s; ")
            .Append("scoring by the users: ")
            .Append(ReportNumbers.Fixed(performance.ScoringImagesPerSecond, 1)).Append(" images/s (means).\n");
        text.Append($"- Peak resident memory: {ReportNumbers.Fixed(performance.PeakResidentMegabytes, 0)} MiB.\n");
        text.Append($"- Total wall time: {ReportNumbers.Seconds(performance.TotalSeconds)} ")
            .Append($"on {summary.Device} with {ReportNumbers.Count(summary.Threads, "thread", "threads")}, ")
            .Append("started ")
            .Append(summary.StartedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture))
            .Append(".\n");
    }
}
