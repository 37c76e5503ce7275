using System.Globalization;
using PirMesh.Imaging;
using PirMesh.Learning.Training;

namespace PirMesh.Host.Reporting;

/// <summary>Draws the report's charts from the loop's interaction tables and loss histories.</summary>
internal static class ReportCharts
{
    // With 50 bins over [0, 1], values spanning less than this fill fewer than ten bins: too few to see a shape.
    private const double NarrowSpan = 0.2;

    private const double MinimumPadding = 0.005;

    /// <summary>Histograms of a round's PIRs before and after tuning, on shared bins.</summary>
    /// <param name="basis"><c>true</c> or <c>observed</c>, named in the title and the axis.</param>
    public static byte[] PirHistogram(int round, string basis, IReadOnlyList<double> before,
        IReadOnlyList<double> after)
    {
        var (min, max, zoomed) = HistogramRange(before.Concat(after));
        var range = zoomed
            ? string.Create(CultureInfo.InvariantCulture, $"zoomed to {min:F3}..{max:F3}")
            : "full range 0..1";
        var title = $"Round {round}: {basis} PIR before and after tuning ({range})";
        return Charts.Histograms(title, $"{basis} PIR", [("before", before), ("after", after)], min, max);
    }

    /// <summary>
    /// [0, 1] when the values spread widely; otherwise their own span padded by a tenth on each side (clamped to
    /// [0, 1]), so that narrow distributions keep a visible shape.
    /// </summary>
    public static (double Min, double Max, bool Zoomed) HistogramRange(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return (0, 1, false);
        }

        var (low, high) = (finite.Min(), finite.Max());
        if (high - low >= NarrowSpan)
        {
            return (0, 1, false);
        }

        var padding = Math.Max((high - low) / 10, MinimumPadding);
        return (Math.Max(0, low - padding), Math.Min(1, high + padding), true);
    }

    /// <summary>One line per column of the history against the step; null when no step was recorded.</summary>
    public static byte[]? Losses(string title, LossHistory history)
    {
        if (history.Rows.Count == 0 || history.Columns.Count == 0)
        {
            return null;
        }

        IReadOnlyList<double> steps = history.Rows.Select(row => (double)row.Step).ToArray();
        var series = history.Columns
            .Select((name, column) =>
                (name, steps, (IReadOnlyList<double>)history.Rows.Select(row => row.Values[column]).ToArray()))
            .ToList();
        return Charts.Lines(title, "step", "value", series);
    }
}
