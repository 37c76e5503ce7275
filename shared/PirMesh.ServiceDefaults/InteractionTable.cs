using System.Globalization;
using System.Text;
using PirMesh.Contracts;
using PirMesh.Learning.Networks;
using PirMesh.Learning.Statistics;

namespace PirMesh.ServiceDefaults;

/// <summary>One image's interactions: how often it was shown, how often the response was positive.</summary>
/// <param name="TruePir">The simulated users' noiseless PIR, when the source knows it; null for real users.</param>
public sealed record Interaction(int Impressions, int Positives, double? TruePir)
{
    public double ObservedPir => (double)Positives / Impressions;
}

/// <summary>
/// The interactions collected on an image batch, row i for image i. Stored as CSV with the header
/// <c>image,impressions,positives,true_pir</c>, so other interaction sources can produce it with any tool.
/// </summary>
public sealed class InteractionTable
{
    /// <summary>
    /// A PIR below this counts as zero in <see cref="Spread"/>: it falls in the first of the PIR estimator's
    /// <see cref="PirEstimator.Bins"/> bins.
    /// </summary>
    public const double ZeroPirBelow = 1.0 / PirEstimator.Bins;

    private const string Header = "image,impressions,positives,true_pir";

    public InteractionTable(IReadOnlyList<Interaction> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Impressions <= 0 || row.Positives < 0 || row.Positives > row.Impressions)
            {
                throw new ArgumentException(
                    $"row {i}: {row.Positives} positives of {row.Impressions} impressions is not a valid count");
            }
            if (row.TruePir is { } p && (double.IsNaN(p) || p < 0 || p > 1))
            {
                throw new ArgumentException($"row {i}: true PIR {p} is outside [0, 1]");
            }
        }
        Rows = rows;
    }

    public IReadOnlyList<Interaction> Rows { get; }

    public double[] Observed() => Rows.Select(r => r.ObservedPir).ToArray();

    /// <summary>The true PIRs, or null unless every row has one.</summary>
    public double[]? True() => Rows.All(r => r.TruePir.HasValue) ? Rows.Select(r => r.TruePir!.Value).ToArray() : null;

    /// <summary>
    /// The spread of the true PIRs when every row has one, else of the observed PIRs: sample standard deviation
    /// and the share of rows at or above <see cref="ZeroPirBelow"/>. An empty table has NaN for both.
    /// </summary>
    public PirSpread Spread()
    {
        var truth = True();
        var (basis, pirs) = truth is null ? ("observed", Observed()) : ("true", truth);
        var sd = pirs.Length < 2 ? double.NaN : Descriptive.SampleStandardDeviation(pirs);
        var nonZero = pirs.Length == 0 ? double.NaN : (double)pirs.Count(p => p >= ZeroPirBelow) / pirs.Length;
        return new PirSpread(basis, sd, nonZero, ZeroPirBelow);
    }

    public byte[] ToCsv()
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            text.Append(CultureInfo.InvariantCulture, $"{i},{row.Impressions},{row.Positives},")
                .Append(row.TruePir?.ToString("R", CultureInfo.InvariantCulture) ?? "")
                .Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <exception cref="FormatException">The CSV is malformed; the message names the line.</exception>
    public static InteractionTable Parse(byte[] csv, string source)
    {
        var lines = Encoding.UTF8.GetString(csv).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0].Trim() != Header)
        {
            throw new FormatException($"{source}: the first line must be '{Header}'");
        }
        var rows = new List<Interaction>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Trim().Split(',');
            if (cells.Length != 4
                || !int.TryParse(cells[0], CultureInfo.InvariantCulture, out var image) || image != i - 1
                || !int.TryParse(cells[1], CultureInfo.InvariantCulture, out var impressions)
                || !int.TryParse(cells[2], CultureInfo.InvariantCulture, out var positives))
            {
                throw new FormatException($"{source}, line {i + 1}: expected '{i - 1},impressions,positives,true_pir'");
            }
            double? truePir = null;
            if (cells[3].Length > 0)
            {
                if (!double.TryParse(cells[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
                {
                    throw new FormatException($"{source}, line {i + 1}: true_pir '{cells[3]}' is not a number");
                }
                truePir = p;
            }
            rows.Add(new Interaction(impressions, positives, truePir));
        }
        try
        {
            return new InteractionTable(rows);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"{source}: {ex.Message}", ex);
        }
    }
}
