using System.Text;

namespace PirMesh.Host.Reporting;

/// <summary>The report's conclusions in plain sentences: one per round, one against the original generator.</summary>
internal static class VerdictSection
{
    public static void Append(StringBuilder text, SummaryDocument summary)
    {
        text.Append("## Verdict\n\n");
        if (summary.Rounds.Count == 0)
        {
            text.Append("No round was completed, so there is nothing to conclude.\n\n");
            return;
        }

        foreach (var round in summary.Rounds)
        {
            text.Append("- ").Append(Sentence($"Round {round.Round}", round, summary.Alpha)).Append('\n');
        }

        var last = summary.Rounds[^1];
        var subject = "Overall, compared with the original generator, "
            + ReportNumbers.Count(summary.Rounds.Count, "round", "rounds") + " of tuning";
        text.Append("- ").Append(Sentence(subject, last.VersusOriginal, summary.Alpha)).Append("\n\n");

        if (summary.Rounds.Any(r => r.True is null))
        {
            text.Append("Where the users' true PIRs are unknown, the verdict rests on the observed PIR ")
                .Append("(positives over impressions), which carries the noise of a finite number of ")
                .Append("impressions.\n\n");
        }

        foreach (var caveat in summary.Caveats)
        {
            text.Append("**Caveat.** ").Append(caveat).Append("\n\n");
        }
    }

    /// <summary>
    /// For example: "Round 1 raised the true mean PIR from 0.512 to 0.601 (+0.089, Cohen's d = 1.23,
    /// p &lt; 1e-300): significant at α = 0.001."
    /// </summary>
    public static string Sentence(string subject, ComparisonSummary comparison, double alpha)
    {
        var test = comparison.Headline();
        var before = ReportNumbers.Fixed(test.Before.MeanPir, 3);
        var after = ReportNumbers.Fixed(test.After.MeanPir, 3);
        var details = $"{ReportNumbers.Signed(test.ChangeInMeanPir, 3)}, Cohen's d = "
            + $"{ReportNumbers.Fixed(test.CohensD, 2)}, {ReportNumbers.PClause(test.PValue)}";
        var level = $"α = {ReportNumbers.Alpha(alpha)}";
        if (!test.Significant)
        {
            return $"{subject} did not significantly change the {comparison.Basis} mean PIR "
                + $"({before} before, {after} after; {details}): not significant at {level}.";
        }

        var verb = test.ChangeInMeanPir >= 0 ? "raised" : "lowered";
        return $"{subject} {verb} the {comparison.Basis} mean PIR from {before} to {after} ({details}): "
            + $"significant at {level}.";
    }
}
