using System.Text.Json;
using PirMesh.Host.Reporting;

namespace PirMesh.Host.Bench;

/// <summary>
/// Reads the few numbers a bench needs from a run folder's <c>summary.json</c>, and decides whether the run is
/// complete: the summary parses, names the expected objective and holds every round.
/// </summary>
public static class RunSummaryReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new FiniteDoubleConverter() },
    };

    /// <summary>The bench row of a finished run, or null when the folder holds no complete summary.</summary>
    /// <param name="why">Why the summary is not complete; null when it is, or when there is no summary at all.</param>
    public static BenchResult? TryRead(string benchFolder, BenchEntry entry, int rounds, string estimator,
        out string? why)
    {
        why = null;
        var path = Path.Combine(benchFolder, entry.Folder, "summary.json");
        if (!File.Exists(path))
        {
            return null;
        }

        SummaryView? summary;
        try
        {
            summary = JsonSerializer.Deserialize<SummaryView>(File.ReadAllBytes(path), Json);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            why = $"{path} cannot be read: {ex.Message}";
            return null;
        }

        why = Incomplete(summary, entry, rounds);
        if (why is not null)
        {
            why = $"{path}: {why}";
            return null;
        }

        var last = summary!.Rounds![^1].VersusOriginal!;
        var test = (last.Basis == "true" ? last.True : last.Observed) ?? last.Observed ?? last.True;
        var spread = summary.InitialSpread;
        return new BenchResult(entry.Objective, summary.RoundCount, last.Basis ?? "observed",
            test?.Before?.MeanPir ?? double.NaN, test?.After?.MeanPir ?? double.NaN, last.ChangeInMeanPir,
            last.CohensD, last.PValue, last.Significant, summary.Rounds.Sum(r => r.EstimatedChange),
            spread?.SdPir ?? double.NaN, spread?.NonZeroShare ?? double.NaN, spread?.Basis ?? "n/a",
            summary.Rounds[^1].Estimator?.ValPearson ?? double.NaN, summary.Performance?.TotalSeconds ?? double.NaN,
            entry.Folder, SharedNetworkCaveat.For(entry.Name, estimator) is not null);
    }

    private static string? Incomplete(SummaryView? summary, BenchEntry entry, int rounds)
    {
        if (summary is null)
        {
            return "the summary is empty";
        }

        if (!string.Equals(summary.Objective, entry.Name, StringComparison.OrdinalIgnoreCase))
        {
            return $"it is the run of objective '{summary.Objective}', not '{entry.Name}'";
        }

        if (summary.Rounds is null || summary.RoundCount != rounds || summary.Rounds.Count != rounds
            || summary.Rounds.Any(r => r.VersusOriginal is null))
        {
            return $"it does not hold the {rounds} round(s) of this bench";
        }

        return null;
    }

    // Only what the bench reads; everything else in summary.json is ignored.
    private sealed record SummaryView(string? Objective, int RoundCount, PirSpreadSummary? InitialSpread,
        PerformanceView? Performance, IReadOnlyList<RoundView>? Rounds);

    private sealed record PerformanceView(double TotalSeconds);

    private sealed record RoundView(double EstimatedChange, EstimatorView? Estimator, ComparisonView? VersusOriginal);

    private sealed record EstimatorView(double ValPearson);

    private sealed record ComparisonView(string? Basis, double ChangeInMeanPir, double CohensD, double PValue,
        bool Significant, TestView? Observed, TestView? True);

    private sealed record TestView(StatsView? Before, StatsView? After);

    private sealed record StatsView(double MeanPir);
}
