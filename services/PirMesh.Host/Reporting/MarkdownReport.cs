using System.Globalization;
using System.Text;

namespace PirMesh.Host.Reporting;

/// <summary>
/// Renders <c>report.md</c> from the same <see cref="SummaryDocument"/> as <c>summary.json</c>, so the two can
/// never disagree. The report is meant to be read on its own, without the JSON or the logs.
/// </summary>
internal static class MarkdownReport
{
    public static string Render(SummaryDocument summary)
    {
        var text = new StringBuilder();
        text.Append($"# PirMesh report: objective `{summary.Objective}`, preset `{summary.Preset}`\n\n");
        AppendRun(text, summary);
        AppendObjective(text, summary);
        AppendReading(text, summary.Alpha);
        AppendPretraining(text, summary.Pretraining);
        foreach (var round in summary.Rounds)
        {
            RoundSection.Append(text, round, summary.Alpha);
        }

        VerdictSection.Append(text, summary);
        TimingSection.Append(text, summary);
        return text.ToString();
    }

    private static void AppendRun(StringBuilder text, SummaryDocument s)
    {
        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"This run tuned an image GAN, pretrained on `{s.DataDirectory}`");
        if (s.ClassMapFile is { } classMap)
        {
            text.Append(invariant, $" with the classes of `{classMap}`");
        }

        text.Append(invariant, $", toward a higher positive interaction rate (PIR) of simulated users with ")
            .Append(invariant, $"the objective `{s.Objective}`, using preset `{s.Preset}` and seed {s.Seed}. ")
            .Append(invariant, $"It ran {ReportNumbers.Count(s.RoundCount, "round", "rounds")}; each showed ")
            .Append(invariant, $"{s.ImagesPerRound} new images × {s.ImpressionsPerImage} impressions to the ")
            .Append(invariant, $"users, trained a PIR estimator (backbone `{s.EstimatorBackbone}`) on them, ")
            .Append("tuned the generator against that estimator, and measured PIR on ")
            .Append(invariant, $"{s.EvaluationImages} fresh images × {s.ImpressionsPerImage} impressions ")
            .Append(invariant, $"before and after tuning. It ran on {s.Device} with ")
            .Append(ReportNumbers.Count(s.Threads, "thread", "threads")).Append(". ")
            .Append(s.Pretraining.FromCache
                ? "The pretrained GAN came from the cache."
                : "The GAN was pretrained in this run, not taken from the cache.")
            .Append("\n\n");
    }

    private static void AppendObjective(StringBuilder text, SummaryDocument s)
    {
        if (s.InitialSpread is { } spread)
        {
            text.Append("**The objective's initial spread** (round 1's training batch, from the original generator): ")
                .Append(ReportNumbers.Spread(spread))
                .Append(". A PIR below the threshold falls in the estimator's first bin and counts as zero; ")
                .Append("the smaller the SD and the non-zero share, the less the estimator has to learn from.");
            if (spread.Basis != "true")
            {
                text.Append(" The users' true PIRs are not known, so these numbers use observed PIRs, which include ")
                    .Append("the binomial noise of a finite number of impressions.");
            }

            text.Append("\n\n");
        }

        foreach (var caveat in s.Caveats)
        {
            text.Append("> **Caveat.** ").Append(caveat).Append("\n\n");
        }
    }

    private static void AppendReading(StringBuilder text, double alpha)
    {
        text.Append("## How to read this report\n\n")
            .Append("- **Cohen's d** is the change in mean PIR divided by the pooled standard deviation of the ")
            .Append("two batches: about 0.2 is a small effect, 0.8 a large one.\n")
            .Append("- **Welch's t-test** asks whether the two batches' mean PIRs differ by more than chance ")
            .Append("would explain, without assuming equal variances; p is the chance of a difference at least ")
            .Append($"this large if tuning changed nothing, and a change is called significant when p < ")
            .Append(ReportNumbers.Alpha(alpha)).Append(".\n")
            .Append("- **True PIR** is the simulated users' noiseless probability of a positive response; ")
            .Append("**observed PIR** is positives over impressions. The verdict uses true PIRs when known.\n")
            .Append("- **The estimator's prediction** (its estimated mean PIR before and after tuning) is shown ")
            .Append("for comparison: the tuning optimises that estimate, and the users' measured change tells ")
            .Append("how far it transferred.\n\n");
    }

    private static void AppendPretraining(StringBuilder text, PretrainingSummary pretraining)
    {
        text.Append("## Pretraining\n\n");
        if (pretraining.FromCache)
        {
            text.Append("Taken from the cache, so no losses were recorded in this run ")
                .Append($"(checkpoint `{pretraining.Checkpoint}`).\n\n");
            return;
        }

        text.Append($"Pretrained in {ReportNumbers.Seconds(pretraining.DurationSeconds)} ")
            .Append($"(checkpoint `{pretraining.Checkpoint}`).\n\n");
        if (pretraining.LossesChart is { } chart)
        {
            text.Append($"![Pretraining losses by step]({chart})\n\n");
        }
    }
}
