using System.Text;

namespace PirMesh.Host.Bench;

/// <summary>
/// Writes the bench's table and figures into the bench folder, each file atomically (a temporary file in the same
/// folder, then a rename over the old one), so a reader or an interruption never sees half a file and a partial
/// bench always has a table of what finished.
/// </summary>
public static class BenchOutputs
{
    public const string Csv = "bench.csv";
    public const string Markdown = "bench.md";

    private const string TempMarker = ".tmp-";

    /// <summary>The files this writer owns in the bench folder.</summary>
    public static IReadOnlyList<string> Files { get; } = [Csv, Markdown, .. BenchCharts.Files];

    public static async Task WriteAsync(string benchFolder, BenchSettings settings, int total,
        IReadOnlyList<BenchResult> results)
    {
        await WriteAtomicallyAsync(Path.Combine(benchFolder, Csv), Encoding.UTF8.GetBytes(BenchTables.Csv(results)));
        var figures = results.Count == 0 ? [] : BenchCharts.Files;
        foreach (var (file, png) in results.Count == 0 ? [] : BenchCharts.All(results))
        {
            await WriteAtomicallyAsync(Path.Combine(benchFolder, file), png);
        }

        await WriteAtomicallyAsync(Path.Combine(benchFolder, Markdown),
            Encoding.UTF8.GetBytes(BenchTables.Markdown(settings, total, results, figures)));
    }

    /// <summary>Writes <paramref name="content"/> to a temporary sibling, then moves it over the file.</summary>
    public static async Task WriteAtomicallyAsync(string path, byte[] content)
    {
        var temp = path + TempMarker + Guid.NewGuid().ToString("N")[..12];
        try
        {
            // Not cancellable: a finished objective's results are always written out in full.
            await File.WriteAllBytesAsync(temp, content, CancellationToken.None);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// Deletes temporary files a killed writer left next to the bench's own files; returns their names.
    /// </summary>
    public static IReadOnlyList<string> RemoveLeftovers(string benchFolder)
    {
        var removed = new List<string>();
        foreach (var name in Files.Append(BenchManifest.FileName))
        {
            foreach (var leftover in Directory.EnumerateFiles(benchFolder, name + TempMarker + "*"))
            {
                File.Delete(leftover);
                removed.Add(Path.GetFileName(leftover));
            }
        }

        return removed;
    }
}
