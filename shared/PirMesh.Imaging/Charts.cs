using ScottPlot;

namespace PirMesh.Imaging;

/// <summary>PNG charts of training and evaluation numbers, drawn with ScottPlot.</summary>
public static class Charts
{
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>
    /// Overlaid, semi-transparent histograms on shared bins over [<paramref name="min"/>,
    /// <paramref name="max"/>]. Bars show the fraction of each series in a bin, so series of different sizes
    /// compare; values outside the range are counted in the first or last bin.
    /// </summary>
    public static byte[] Histograms(string title, string xLabel,
        IReadOnlyList<(string Label, IReadOnlyList<double> Values)> series,
        double min = 0, double max = 1, int bins = 50, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        if (!(min < max))
        {
            throw new ArgumentException($"histogram range [{min}, {max}] is empty", nameof(max));
        }

        var plot = Start(title, xLabel, "fraction of values");
        for (var s = 0; s < series.Count; s++)
        {
            var (label, values) = series[s];
            ArgumentNullException.ThrowIfNull(values, nameof(series));
            var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, min, max);
            histogram.IncludeOutliers = true;
            histogram.AddRange(values);
            var total = Math.Max(1, histogram.Counts.Sum());
            var color = Palette.GetColor(s).WithAlpha(0.45);
            var bars = histogram.Counts.Select((n, i) => new Bar
            {
                Position = (histogram.Edges[i] + histogram.Edges[i + 1]) / 2,
                Size = histogram.Edges[i + 1] - histogram.Edges[i],
                Value = (double)n / total,
                FillColor = color,
                LineWidth = 0,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = $"{label} (n = {values.Count})";
            plottable.Color = color;
        }

        plot.Axes.SetLimitsX(min, max);
        plot.Axes.Margins(bottom: 0);
        return Finish(plot, width, height);
    }

    /// <summary>Lines through (x, y) points, one per series, e.g. loss curves.</summary>
    public static byte[] Lines(string title, string xLabel, string yLabel,
        IReadOnlyList<(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y)> series,
        int width = 900, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = Start(title, xLabel, yLabel);
        for (var s = 0; s < series.Count; s++)
        {
            var (x, y) = Points(series[s]);
            var line = plot.Add.ScatterLine(x, y, Palette.GetColor(s));
            line.LegendText = series[s].Label;
            line.MarkerSize = 0;
            line.LineWidth = 2;
        }

        return Finish(plot, width, height);
    }

    /// <summary>Points, one colour per series, with an optional fitted line y = slope × x + intercept.</summary>
    public static byte[] Scatter(string title, string xLabel, string yLabel,
        IReadOnlyList<(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y)> series,
        (double Slope, double Intercept)? fit = null, int width = 800, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = Start(title, xLabel, yLabel);
        var xs = new List<double>();
        for (var s = 0; s < series.Count; s++)
        {
            var (x, y) = Points(series[s]);
            var points = plot.Add.ScatterPoints(x, y, Palette.GetColor(s));
            points.LegendText = series[s].Label;
            points.MarkerSize = 6;
            xs.AddRange(x);
        }

        if (fit is var (slope, intercept) && xs.Count > 0)
        {
            var (left, right) = (xs.Min(), xs.Max());
            var line = plot.Add.Line(left, slope * left + intercept, right, slope * right + intercept);
            line.LegendText = $"fit: y = {slope:G4} x + {intercept:G4}";
            line.LineColor = Colors.Black;
            line.LineWidth = 2;
        }

        return Finish(plot, width, height);
    }

    private static Plot Start(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title ?? "");
        plot.XLabel(xLabel ?? "");
        plot.YLabel(yLabel ?? "");
        return plot;
    }

    private static byte[] Finish(Plot plot, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static (double[] X, double[] Y) Points((string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y) s)
    {
        ArgumentNullException.ThrowIfNull(s.X, nameof(s));
        ArgumentNullException.ThrowIfNull(s.Y, nameof(s));
        if (s.X.Count != s.Y.Count)
        {
            throw new ArgumentException(
                $"series '{s.Label}' has {s.X.Count} x values but {s.Y.Count} y values", nameof(s));
        }

        return (s.X.ToArray(), s.Y.ToArray());
    }
}
