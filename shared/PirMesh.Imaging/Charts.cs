using ScottPlot;

namespace PirMesh.Imaging;

/// <summary>PNG charts of training and evaluation numbers, drawn with ScottPlot.</summary>
public static class Charts
{
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    // Opacity of faded points in MarkedScatter: visible, but clearly behind the full-colour ones.
    private const double FadedAlpha = 0.3;

    // With labelled x ticks, the plot shows this much beyond the first and last tick, and lines span it.
    private const double CategoryMargin = 0.75;

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

    /// <summary>
    /// Points coloured by series (Category10, in order of first appearance), where faded points are drawn
    /// partially transparent, plus straight reference lines y = slope × x + intercept across the points' x range.
    /// Points with a non-finite coordinate are left out; lines with a non-finite slope or intercept too.
    /// </summary>
    /// <param name="fadedMeaning">Legend text for faded points, such as "faded: not significant"; null: none.</param>
    /// <param name="xTicks">Labelled x ticks replacing the numeric ones, for categories at fixed positions.</param>
    public static byte[] MarkedScatter(string title, string xLabel, string yLabel, IReadOnlyList<MarkedPoint> points,
        IReadOnlyList<ReferenceLine> lines, string? fadedMeaning = null,
        IReadOnlyList<(double Position, string Label)>? xTicks = null, int width = 1100, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(lines);
        var plot = Start(title, xLabel, yLabel);
        var shown = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var series = shown.Select(p => p.Series).Distinct().ToList();
        // Labels of points in the right part of the plot go to their left, so the plot's edge does not cut them.
        var (lowest, highest) = shown.Count == 0 ? (0.0, 0.0) : (shown.Min(p => p.X), shown.Max(p => p.X));
        var labelsLeftOf = lowest + (highest - lowest) * 0.6;
        for (var s = 0; s < series.Count; s++)
        {
            var color = Palette.GetColor(s);
            foreach (var faded in new[] { false, true })
            {
                var group = shown.Where(p => p.Series == series[s] && p.Faded == faded).ToList();
                if (group.Count == 0)
                {
                    continue;
                }

                var markers = plot.Add.Markers(group.Select(p => p.X).ToArray(), group.Select(p => p.Y).ToArray(),
                    MarkerShape.FilledCircle, 9, faded ? color.WithAlpha(FadedAlpha) : color);
                markers.LegendText = "";
                foreach (var point in group.Where(p => !string.IsNullOrEmpty(p.Label)))
                {
                    var text = plot.Add.Text(point.Label!, point.X, point.Y);
                    text.LabelFontSize = 10;
                    text.LabelFontColor = Colors.Black.WithAlpha(faded ? 0.5 : 0.85);
                    var leftward = highest > lowest && point.X > labelsLeftOf;
                    text.LabelAlignment = leftward ? Alignment.MiddleRight : Alignment.MiddleLeft;
                    text.LabelOffsetX = leftward ? -7 : 7;
                }
            }

            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = series[s], MarkerShape = MarkerShape.FilledCircle, MarkerSize = 9, MarkerFillColor = color,
                MarkerLineColor = color,
            });
        }

        if (fadedMeaning is not null && shown.Any(p => p.Faded))
        {
            var grey = Colors.Gray.WithAlpha(FadedAlpha);
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = fadedMeaning, MarkerShape = MarkerShape.FilledCircle, MarkerSize = 9,
                MarkerFillColor = grey, MarkerLineColor = grey,
            });
        }

        AddReferenceLines(plot, shown, lines, xTicks);
        if (xTicks is not null)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                xTicks.Select(t => t.Position).ToArray(), xTicks.Select(t => t.Label).ToArray());
            plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 40 + 5.5f * xTicks.Max(t => t.Label.Length);
            plot.Axes.SetLimitsX(xTicks.Min(t => t.Position) - CategoryMargin,
                xTicks.Max(t => t.Position) + CategoryMargin);
        }

        // Beside the data rather than over it: a bench's points can fill any corner.
        return Finish(plot, width, height, legendOutside: true);
    }

    private static void AddReferenceLines(Plot plot, IReadOnlyList<MarkedPoint> points,
        IReadOnlyList<ReferenceLine> lines, IReadOnlyList<(double Position, string Label)>? xTicks)
    {
        var xs = points.Select(p => p.X).Concat(xTicks?.Select(t => t.Position) ?? []).ToList();
        var (left, right) = xs.Count == 0 ? (0.0, 1.0) : (xs.Min(), xs.Max());
        var pad = xTicks is not null ? CategoryMargin : right > left ? (right - left) * 0.05 : 0.5;
        (left, right) = (left - pad, right + pad);
        var styles = new[] { LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed };
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!double.IsFinite(line.Slope) || !double.IsFinite(line.Intercept))
            {
                continue;
            }

            var drawn = plot.Add.Line(left, line.Slope * left + line.Intercept, right,
                line.Slope * right + line.Intercept);
            drawn.LegendText = line.Label;
            drawn.LineColor = line.Emphasised ? Colors.Black : Colors.DimGray;
            drawn.LineWidth = line.Emphasised ? 2 : 1.5f;
            drawn.LinePattern = line.Emphasised ? LinePattern.Solid : styles[i % styles.Length];
            drawn.MarkerSize = 0;
        }
    }

    private static Plot Start(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title ?? "");
        plot.XLabel(xLabel ?? "");
        plot.YLabel(yLabel ?? "");
        return plot;
    }

    private static byte[] Finish(Plot plot, int width, int height, bool legendOutside = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (legendOutside)
        {
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            plot.ShowLegend(Alignment.UpperRight);
        }

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

/// <summary>One point of <see cref="Charts.MarkedScatter"/>.</summary>
/// <param name="Series">Legend entry; points of one series share a colour.</param>
/// <param name="Faded">Drawn partially transparent, such as a result that is not significant.</param>
/// <param name="Label">Small text beside the point, such as the objective's name; null for none.</param>
public sealed record MarkedPoint(double X, double Y, string Series, bool Faded, string? Label = null);

/// <summary>A straight line y = <paramref name="Slope"/> × x + <paramref name="Intercept"/> on a chart.</summary>
/// <param name="Emphasised">Solid black, such as a fitted line; otherwise a thin grey dashed reference.</param>
public sealed record ReferenceLine(string Label, double Slope, double Intercept, bool Emphasised = false);
