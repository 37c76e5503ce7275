using System.Globalization;
using PirMesh.Imaging;
using PirMesh.Learning.Statistics;

namespace PirMesh.Host.Bench;

/// <summary>
/// The bench's three figures, one point per finished objective, coloured by family, with changes that are not
/// significant drawn partially transparent.
/// </summary>
public static class BenchCharts
{
    public const string ChangeByObjective = "change-by-objective.png";
    public const string Introspection = "introspection.png";
    public const string ChangeVersusInitialSd = "change-vs-initial-sd.png";

    /// <summary>The figures' file names, in the order the Markdown shows them.</summary>
    public static IReadOnlyList<string> Files { get; } = [ChangeByObjective, Introspection, ChangeVersusInitialSd];

    private const string Faded = "faded: not significant at 0.001";

    // Points of one group share a slot one unit wide; this much of it is spread among them.
    private const double GroupSpan = 0.5;

    /// <summary>
    /// Change in mean PIR per objective, families side by side in blocks with a gap between: x is the group
    /// (stage or colour family), y the change; a dashed zero line.
    /// </summary>
    public static byte[] ChangeByGroup(IReadOnlyList<BenchResult> results)
    {
        var ticks = new List<(double Position, string Label)>();
        var points = new List<MarkedPoint>();
        var position = 0.0;
        foreach (var family in results.GroupBy(r => r.Objective.Family))
        {
            foreach (var group in family.GroupBy(r => r.Objective.Group))
            {
                var members = group.ToList();
                var label = group.Key == family.Key ? family.Key : $"{family.Key}: {group.Key}";
                ticks.Add((position, label));
                for (var i = 0; i < members.Count; i++)
                {
                    var offset = members.Count == 1 ? 0 : GroupSpan * (i / (members.Count - 1.0) - 0.5);
                    points.Add(Point(position + offset, members[i].Change, members[i]));
                }

                position += 1;
            }

            position += 0.5;
        }

        return Charts.MarkedScatter("Change in mean PIR per objective (before: original generator, after: last round)",
            "group", "change in mean PIR", points, [new ReferenceLine("no change", 0, 0)], Faded,
            ticks.Count == 0 ? null : ticks, width: Math.Max(1100, 70 * ticks.Count + 500));
    }

    /// <summary>
    /// True change (y) against the estimators' predicted change (x), with the least-squares line of true on
    /// estimated (its slope β in the legend and the title) and the line y = x of perfect introspection.
    /// </summary>
    public static byte[] IntrospectionChart(IReadOnlyList<BenchResult> results)
    {
        var slope = BenchTables.Slope(results);
        var fitted = results.Where(r => double.IsFinite(r.EstimatedChange) && double.IsFinite(r.Change)).ToList();
        var lines = new List<ReferenceLine> { new("y = x (estimate carried over exactly)", 1, 0) };
        if (double.IsFinite(slope))
        {
            var (fitSlope, intercept) = LeastSquares.Fit(fitted.Select(r => r.EstimatedChange).ToArray(),
                fitted.Select(r => r.Change).ToArray());
            lines.Add(new ReferenceLine(string.Create(CultureInfo.InvariantCulture,
                $"least squares: β = {fitSlope:F3}, intercept {intercept:+0.0000;-0.0000}"), fitSlope, intercept,
                Emphasised: true));
        }

        var title = double.IsFinite(slope)
            ? string.Create(CultureInfo.InvariantCulture, $"Introspection: true vs estimated change, β = {slope:F3}")
            : "Introspection: true vs estimated change (β needs two objectives)";
        return Charts.MarkedScatter(title, "estimated change in mean PIR (estimator)",
            "true change in mean PIR (users)", results.Select(r => Point(r.EstimatedChange, r.Change, r)).ToList(),
            lines, Faded);
    }

    /// <summary>Change in mean PIR (y) against the objective's initial SD of true PIR (x).</summary>
    public static byte[] ChangeVersusSd(IReadOnlyList<BenchResult> results)
    {
        var observed = results.Any(r => r.SpreadBasis != "true");
        var xLabel = observed
            ? "initial SD of PIR (round 1's training batch; observed where true PIR is unknown)"
            : "initial SD of true PIR (round 1's training batch)";
        return Charts.MarkedScatter("Change in mean PIR against the objective's initial spread", xLabel,
            "change in mean PIR", results.Select(r => Point(r.InitialSd, r.Change, r)).ToList(),
            [new ReferenceLine("no change", 0, 0)], Faded);
    }

    /// <summary>Every figure by file name.</summary>
    public static IEnumerable<(string File, byte[] Png)> All(IReadOnlyList<BenchResult> results)
    {
        yield return (ChangeByObjective, ChangeByGroup(results));
        yield return (Introspection, IntrospectionChart(results));
        yield return (ChangeVersusInitialSd, ChangeVersusSd(results));
    }

    private static MarkedPoint Point(double x, double y, BenchResult result) =>
        new(x, y, result.Objective.Family, !result.Significant, result.Objective.Name);
}
