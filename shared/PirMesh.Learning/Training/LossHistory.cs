using System.Globalization;
using System.Text;

namespace PirMesh.Learning.Training;

/// <summary>Losses recorded at regular steps of a job, written as CSV (<c>step,name1,name2,...</c>).</summary>
public sealed class LossHistory
{
    private readonly List<(int Step, double[] Values)> rows = new();

    public LossHistory(params string[] columns) => Columns = columns;

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<(int Step, double[] Values)> Rows => rows;

    public void Add(int step, params double[] values)
    {
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"expected {Columns.Count} values, got {values.Length}", nameof(values));
        }
        rows.Add((step, values));
    }

    public string ToCsv()
    {
        var text = new StringBuilder("step," + string.Join(',', Columns) + "\n");
        foreach (var (step, values) in rows)
        {
            text.Append(step.ToString(CultureInfo.InvariantCulture));
            foreach (var value in values)
            {
                text.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <exception cref="FormatException">The text is not a loss-history CSV.</exception>
    public static LossHistory Parse(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !lines[0].StartsWith("step,", StringComparison.Ordinal))
        {
            throw new FormatException("a loss history starts with a 'step,...' header");
        }
        var history = new LossHistory(lines[0].Split(',')[1..]);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            history.Add(int.Parse(cells[0], CultureInfo.InvariantCulture),
                cells[1..].Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray());
        }
        return history;
    }
}
