using System.Globalization;
using System.Text;
using PirMesh.Host.Reporting;
using PirMesh.Learning.Statistics;

namespace PirMesh.Host.Bench;

/// <summary>
/// Writes <c>bench.csv</c> (one row per finished objective, for scripts) and <c>bench.md</c> (the same grouped by
/// family and group, with per-family counts, median Cohen's d and the introspection slope, for people).
/// </summary>
public static class BenchTables
{
    /// <summary>The significance level of every run's tests; the CSV's column names carry it.</summary>
    public const double Alpha = Statistics.RoundComparer.Alpha;

    public static readonly string CsvHeader =
        "family,group,objective,rounds,basis,mean_pir_before,mean_pir_after,change_in_mean_pir,cohens_d,welch_p,"
        + "significant_at_0.001,estimated_change,initial_sd,non_zero_share,spread_basis,estimator_val_r,seconds,"
        + "shared_network,run_folder";

    /// <summary>CSV with <see cref="CsvHeader"/>; numbers in invariant culture, not-a-number cells empty.</summary>
    public static string Csv(IReadOnlyList<BenchResult> results)
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var r in results)
        {
            string[] cells =
            [
                r.Objective.Family, r.Objective.Group, r.Objective.Name,
                r.Rounds.ToString(CultureInfo.InvariantCulture), r.Basis, Number(r.MeanBefore), Number(r.MeanAfter),
                Number(r.Change), Number(r.CohensD), Number(r.PValue), r.Significant ? "true" : "false",
                Number(r.EstimatedChange), Number(r.InitialSd), Number(r.NonZeroShare), r.SpreadBasis,
                Number(r.EstimatorValR), Number(r.Seconds), r.SharedNetwork ? "true" : "false", r.RunFolder,
            ];
            text.AppendJoin(',', cells.Select(Quote)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Statistics of one family's finished objectives.</summary>
    /// <param name="IntrospectionSlope">
    /// Least-squares slope β of the true change on the estimated change; NaN with fewer than two objectives or
    /// when every estimated change is the same.
    /// </param>
    public sealed record FamilyStats(string Family, int Count, int Significant, int Improved, int Worse,
        double MedianCohensD, double IntrospectionSlope);

    public static IReadOnlyList<FamilyStats> Families(IReadOnlyList<BenchResult> results) =>
        results.GroupBy(r => r.Objective.Family)
            .Select(g =>
            {
                var list = g.ToList();
                var significant = list.Where(r => r.Significant).ToList();
                return new FamilyStats(g.Key, list.Count, significant.Count,
                    significant.Count(r => r.Change > 0), significant.Count(r => r.Change < 0),
                    Median(list.Select(r => r.CohensD)), Slope(list));
            })
            .ToList();

    /// <summary>
    /// The least-squares slope β of true change (y) on estimated change (x) over the objectives with both finite:
    /// 1 when the estimators predicted the users' change exactly, near 0 when the predictions told nothing.
    /// </summary>
    public static double Slope(IReadOnlyList<BenchResult> results)
    {
        var points = results.Where(r => double.IsFinite(r.EstimatedChange) && double.IsFinite(r.Change)).ToList();
        return points.Count < 2
            ? double.NaN
            : LeastSquares.Fit(points.Select(r => r.EstimatedChange).ToArray(), points.Select(r => r.Change).ToArray())
                .Slope;
    }

    /// <summary>The median of the finite values; NaN when there is none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The Markdown report of a bench, finished or not.</summary>
    /// <param name="total">Objectives in the bench, finished or not.</param>
    public static string Markdown(BenchSettings settings, int total, IReadOnlyList<BenchResult> results,
        IReadOnlyList<string> figures)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(invariant, $"# PirMesh bench: {ReportNumbers.Count(total, "objective", "objectives")}, ")
            .Append(invariant, $"preset `{settings.Preset}`\n\n");
        text.Append(invariant, $"{results.Count} of {total} finished. Each objective ran the whole loop ")
            .Append(invariant, $"({ReportNumbers.Count(settings.Rounds, "round", "rounds")}, ")
            .Append(invariant, $"{settings.ImagesPerRound} images × {settings.ImpressionsPerImage} impressions per ")
            .Append(invariant, $"round, {settings.EvaluationImages} evaluation images, estimator ")
            .Append(invariant, $"`{settings.Estimator}`, seed {settings.Seed}, ")
            .Append(settings.Threads == 0 ? "one libtorch thread per core"
                : ReportNumbers.Count(settings.Threads, "thread", "threads")).Append(invariant, $") on ")
            .Append(invariant, $"`{settings.DataDirectory}`. **Before** is the original generator and **after** ")
            .Append("the generator after the last round, each on fresh samples; the change is tested with Welch's ")
            .Append(invariant, $"t-test and called significant when p < {ReportNumbers.Alpha(Alpha)}. ")
            .Append("**Estimated change** is what the PIR estimators predicted (summed over rounds); **initial SD** ")
            .Append("and **non-zero share** describe round 1's training PIRs (share at or above 0.01, outside the ")
            .Append("estimator's first bin).\n\n");

        var families = Families(results);
        if (results.Count > 0)
        {
            AppendFamilies(text, families);
            AppendResults(text, results);
        }

        if (results.Any(r => r.SharedNetwork))
        {
            text.Append("† The simulated users and the PIR estimator are computed by the same pretrained network ")
                .Append("(ResNet-18). The original method used different networks for the two on purpose, so a ")
                .Append("gain on these objectives may partly be the tuner exploiting features the two share.\n\n");
        }

        foreach (var figure in figures)
        {
            text.Append(invariant, $"![{figure}]({figure})\n\n");
        }

        return text.ToString();
    }

    private static void AppendFamilies(StringBuilder text, IReadOnlyList<FamilyStats> families)
    {
        text.Append("## Per family\n\n");
        text.Append($"| Family | Objectives | Significant at α = {ReportNumbers.Alpha(Alpha)} | Improved | Worse ")
            .Append("| Median Cohen's d | Introspection slope β |\n");
        text.Append("|---|--:|--:|--:|--:|--:|--:|\n");
        foreach (var f in families)
        {
            string[] cells =
            [
                f.Family, Int(f.Count), Int(f.Significant), Int(f.Improved), Int(f.Worse),
                ReportNumbers.Fixed(f.MedianCohensD, 2), ReportNumbers.Fixed(f.IntrospectionSlope, 2),
            ];
            text.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        }

        text.Append("\nImproved and worse count the significant changes by sign. β is the least-squares slope of the ")
            .Append("true change on the estimated change across the family's objectives: 1 when the estimators' ")
            .Append("predictions carried over to the users one for one, 0 when they told nothing.\n\n");
    }

    private static void AppendResults(StringBuilder text, IReadOnlyList<BenchResult> results)
    {
        text.Append("## Per objective\n\n");
        foreach (var family in results.GroupBy(r => r.Objective.Family))
        {
            text.Append($"### {family.Key}\n\n");
            text.Append("| Group | Objective | PIR | Mean before | Mean after | Change | Cohen's d | p | Significant ")
                .Append("| Estimated change | Initial SD | Non-zero share | Estimator r | Time | Run |\n");
            text.Append("|---|---|---|--:|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|---|\n");
            foreach (var r in family.GroupBy(r => r.Objective.Group).SelectMany(g => g))
            {
                var name = $"`{Cell(r.Objective.Name)}`" + (r.SharedNetwork ? " †" : "");
                var basis = r.SpreadBasis == r.Basis ? r.Basis : $"{r.Basis} (spread: {r.SpreadBasis})";
                string[] cells =
                [
                    Cell(r.Objective.Group), name, basis, ReportNumbers.Fixed(r.MeanBefore, 4),
                    ReportNumbers.Fixed(r.MeanAfter, 4), ReportNumbers.Signed(r.Change, 4),
                    ReportNumbers.Fixed(r.CohensD, 2), ReportNumbers.P(r.PValue), r.Significant ? "yes" : "no",
                    ReportNumbers.Signed(r.EstimatedChange, 4), ReportNumbers.Fixed(r.InitialSd, 4),
                    ReportNumbers.Percent(r.NonZeroShare, 1), ReportNumbers.Fixed(r.EstimatorValR, 2),
                    ReportNumbers.Seconds(r.Seconds), $"[report]({r.RunFolder}/report.md)",
                ];
                text.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
            }

            text.Append('\n');
        }
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    // A '|' would end a Markdown table cell, even inside backticks.
    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string cell) => cell.IndexOfAny([',', '"', '\n', '\r']) < 0
        ? cell
        : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
