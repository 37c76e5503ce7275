using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PirMesh.Host.Bench;

/// <summary>One objective of <c>bench.json</c>: its place in the list and its run folder.</summary>
/// <param name="Index">1-based position in the bench.</param>
/// <param name="Folder">Run folder relative to the bench folder, such as <c>objectives/04-red_green</c>.</param>
public sealed record BenchEntry(int Index, string Name, string Family, string Group, string Folder)
{
    [JsonIgnore]
    public BenchObjective Objective => new(Name, Family, Group);
}

/// <summary>
/// <c>bench.json</c>: the settings and the ordered objective list of a bench, written when it starts and compared
/// when the same <c>--out</c> is used again, so a resumed bench cannot mix incomparable runs.
/// </summary>
public sealed record BenchManifest
{
    public const string FileName = "bench.json";

    /// <summary>Format of this file; bumped when its meaning changes.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public int Format { get; init; } = CurrentFormat;

    public required BenchSettings Settings { get; init; }

    public required IReadOnlyList<BenchEntry> Objectives { get; init; }

    /// <summary>The manifest of a new bench: entries numbered from 1, each with its run folder.</summary>
    public static BenchManifest Create(BenchSettings settings, IReadOnlyList<BenchObjective> objectives)
    {
        var width = Math.Max(2, objectives.Count.ToString(CultureInfo.InvariantCulture).Length);
        var entries = objectives.Select((o, i) => new BenchEntry(i + 1, o.Name, o.Family, o.Group,
            "objectives/" + (i + 1).ToString("D" + width, CultureInfo.InvariantCulture) + "-" + SafeName(o.Name)))
            .ToList();
        return new BenchManifest { Settings = settings, Objectives = entries };
    }

    /// <summary>
    /// A folder-name form of an objective: lower-case letters, digits, '.' and '-' kept, anything else (such as
    /// '|' and ':') as '_', at most 60 characters. The index in front keeps folders apart.
    /// </summary>
    public static string SafeName(string name)
    {
        var safe = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            safe.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' ? c : '_');
        }

        var text = safe.ToString().Trim('.');
        text = text.Length > 60 ? text[..60] : text;
        return text.Length == 0 ? "objective" : text;
    }

    /// <summary>Why <paramref name="now"/> cannot resume this bench; empty when it can.</summary>
    public IReadOnlyList<string> Differences(BenchManifest now)
    {
        var differences = Settings.Differences(now.Settings).ToList();
        if (Objectives.Count != now.Objectives.Count)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture,
                $"objectives: {Objectives.Count} in bench.json, {now.Objectives.Count} now"));
        }

        var firstDifferent = Objectives.Zip(now.Objectives).Select((pair, i) => (pair, i))
            .FirstOrDefault(x => x.pair.First.Objective != x.pair.Second.Objective);
        if (firstDifferent.pair.First is not null)
        {
            var (stored, current) = firstDifferent.pair;
            differences.Add(string.Create(CultureInfo.InvariantCulture,
                $"objective {firstDifferent.i + 1}: {Describe(stored)} in bench.json, {Describe(current)} now"));
        }

        return differences;
    }

    public byte[] Serialize() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, Json) + "\n");

    /// <exception cref="InvalidDataException">The file is not a bench manifest; the message says why.</exception>
    public static BenchManifest Read(string path)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BenchManifest>(File.ReadAllBytes(path), Json)
                ?? throw new InvalidDataException($"{path} is empty");
            if (manifest.Format != CurrentFormat)
            {
                throw new InvalidDataException(
                    $"{path} has format {manifest.Format}; this version reads format {CurrentFormat}");
            }

            if (manifest.Settings is null || manifest.Objectives is null
                || manifest.Objectives.Where((e, i) => e is null || e.Index != i + 1 || string.IsNullOrEmpty(e.Folder)
                    || Path.IsPathRooted(e.Folder) || e.Folder.Contains("..", StringComparison.Ordinal)).Any())
            {
                throw new InvalidDataException(
                    $"{path} is not a bench manifest: its objectives must be numbered 1, 2, ... with a folder each");
            }

            return manifest;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a readable bench manifest: {ex.Message}", ex);
        }
    }

    private static string Describe(BenchEntry entry) => $"'{entry.Name}' ({entry.Family}, {entry.Group})";
}
