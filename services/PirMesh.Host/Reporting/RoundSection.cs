using System.Text;

namespace PirMesh.Host.Reporting;

/// <summary>One round of the report: the test table, the estimator's numbers and the round's images.</summary>
internal static class RoundSection
{
    public static void Append(StringBuilder text, RoundSummary round, double alpha)
    {
        var r = round.Round;
        text.Append($"## Round {r}\n\n");
        text.Append("Fresh samples of the tuned generator against fresh samples of the round's starting generator ")
            .Append("(*vs round start*) and of the pretrained, untuned generator (*vs original generator*).\n\n");
        text.Append("| Comparison | PIR | Mean before | Mean after | Change | Cohen's d | Welch t | df | p ")
            .Append($"| Significant at α = {ReportNumbers.Alpha(alpha)} |\n");
        text.Append("|---|---|--:|--:|--:|--:|--:|--:|--:|---|\n");
        AppendRows(text, "vs round start", round);
        AppendRows(text, "vs original generator", round.VersusOriginal);
        text.Append('\n');
        if (round.True is null)
        {
            text.Append("The users' true PIRs are not known, so only observed PIRs are tested.\n\n");
        }

        var estimator = round.Estimator;
        text.Append($"**Estimator.** Trained on {estimator.TrainCount} images and validated on ")
            .Append($"{estimator.ValidationCount}: validation MAE {ReportNumbers.Fixed(estimator.ValMae, 4)}, ")
            .Append($"Pearson r = {ReportNumbers.Fixed(estimator.ValPearson, 3)}.\n\n");
        text.Append("**The estimator's own prediction**, for comparison with the measured change above: ")
            .Append($"estimated mean PIR {ReportNumbers.Fixed(round.EstimatedBefore, 4)} before tuning, ")
            .Append($"{ReportNumbers.Fixed(round.EstimatedAfter, 4)} after ")
            .Append($"({ReportNumbers.Signed(round.EstimatedChange, 4)}).\n\n");
        text.Append("**Training batch** shown to users this round: mean observed PIR ")
            .Append(ReportNumbers.Fixed(round.Training.MeanObservedPir, 4));
        if (round.Training.MeanTruePir is { } meanTrue)
        {
            text.Append($", mean true PIR {ReportNumbers.Fixed(meanTrue, 4)}");
        }

        text.Append("; ").Append(ReportNumbers.Spread(round.Training.Spread)).Append(".\n\n");
        AppendImages(text, round);
    }

    private static void AppendRows(StringBuilder text, string label, ComparisonSummary comparison)
    {
        if (comparison.True is { } truth)
        {
            AppendRow(text, label, "true", truth);
        }

        AppendRow(text, label, "observed", comparison.Observed);
    }

    private static void AppendRow(StringBuilder text, string label, string kind, TestSummary test)
    {
        string[] cells =
        [
            label, kind, ReportNumbers.Fixed(test.Before.MeanPir, 4), ReportNumbers.Fixed(test.After.MeanPir, 4),
            ReportNumbers.Signed(test.ChangeInMeanPir, 4), ReportNumbers.Fixed(test.CohensD, 2),
            ReportNumbers.Fixed(test.WelchT, 2), ReportNumbers.Fixed(test.WelchDf, 1), ReportNumbers.P(test.PValue),
            test.Significant ? "yes" : "no",
        ];
        text.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
    }

    private static void AppendImages(StringBuilder text, RoundSummary round)
    {
        var r = round.Round;
        var files = round.Artifacts;
        text.Append($"### Round {r} images\n\n");
        AppendImage(text, "Samples before tuning (up to 64 per class)", files.SamplesBefore);
        AppendImage(text, "Samples after tuning (same layout)", files.SamplesAfter);
        AppendImage(text, $"Distribution of {round.Basis} PIR before and after tuning", files.PirHistogram);
        AppendImage(text, "Tuning losses (and the estimated PIR) by step", files.LossesTuning);
        AppendImage(text, "Estimator training: cross-entropy and validation MAE by step", files.LossesEstimator);
    }

    private static void AppendImage(StringBuilder text, string caption, string? file)
    {
        text.Append(caption).Append(":\n\n");
        text.Append(file is null ? "*(nothing was recorded)*" : $"![{caption}]({file})").Append("\n\n");
    }
}
