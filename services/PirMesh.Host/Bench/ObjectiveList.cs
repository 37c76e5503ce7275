using System.Globalization;
using PirMesh.Learning.Objectives;

namespace PirMesh.Host.Bench;

/// <summary>
/// Turns <c>--objectives</c> (families and names) and <c>--file</c> (one name a line) into the ordered, duplicate-free
/// list of objectives a bench runs, and checks every name with the objective catalog before any work.
/// </summary>
public static partial class ObjectiveList
{
    public const string Colours = "colours";
    public const string SingleColour = "single-colour";
    public const string TwoColour = "two-colour";
    public const string ThreeColour = "three-colour";
    public const string ResNetK1 = "resnet18-k1";
    public const string ResNetK20 = "resnet18-k20";

    /// <summary>The family of objectives named on their own, on <c>--objectives</c> or in <c>--file</c>.</summary>
    public const string Custom = "custom";

    /// <summary>The most objectives one bench may hold; far more than a bench can run in a day on a CPU.</summary>
    public const int MaxObjectives = 10_000;

    /// <summary>The family names <c>--objectives</c> accepts.</summary>
    public static IReadOnlyList<string> Families { get; } =
        [Colours, SingleColour, TwoColour, ThreeColour, ResNetK1, ResNetK20];

    /// <summary>The ResNet-18 stages a ResNet family has one group for, in order.</summary>
    public static IReadOnlyList<string> ResNetStages { get; } = ["layer1", "layer2", "layer3", "layer4"];

    private static readonly string[] SingleColours = ["red", "green", "blue"];
    private static readonly string[] TwoColours = ["red|green", "green|blue", "blue|red"];
    private static readonly string[] ThreeColours = ["red|green|blue", "green|blue|red", "blue|red|green"];

    /// <summary>
    /// The objectives of a family, or null when <paramref name="family"/> names none. The ResNet-18 families give
    /// <paramref name="filterSets"/> objectives per stage, with filter seeds <paramref name="seedFilters"/> onwards.
    /// </summary>
    public static IReadOnlyList<BenchObjective>? Family(string family, int seedFilters = 1, int filterSets = 1)
    {
        static IEnumerable<BenchObjective> Colour(string family, string[] names) =>
            names.Select(name => new BenchObjective(name, family, family));

        IEnumerable<BenchObjective> ResNet(string family, int k) =>
            from stage in ResNetStages
            from seed in Enumerable.Range(seedFilters, filterSets)
            select new BenchObjective(
                string.Create(CultureInfo.InvariantCulture, $"resnet18:{stage}:k{k}:s{seed}"), family, stage);

        return family.Trim().ToLowerInvariant() switch
        {
            Colours => [.. Colour(SingleColour, SingleColours), .. Colour(TwoColour, TwoColours),
                .. Colour(ThreeColour, ThreeColours)],
            SingleColour => [.. Colour(SingleColour, SingleColours)],
            TwoColour => [.. Colour(TwoColour, TwoColours)],
            ThreeColour => [.. Colour(ThreeColour, ThreeColours)],
            ResNetK1 => [.. ResNet(ResNetK1, 1)],
            ResNetK20 => [.. ResNet(ResNetK20, 20)],
            _ => null,
        };
    }

    /// <summary>
    /// Expands <c>--objectives</c> (comma-separated families and names) followed by the names of <c>--file</c>.
    /// A token that is no family is taken as an objective name (family <see cref="Custom"/>); whether it parses is
    /// for <see cref="Validate"/> to say. Later duplicates (compared without whitespace, ignoring case) are dropped,
    /// each with a note.
    /// </summary>
    /// <param name="fileLines">Lines of <c>--file</c>; blank lines and <c>#</c> comments are skipped.</param>
    public static ExpandedObjectives Expand(string? objectives, string? fileName, IReadOnlyList<string>? fileLines,
        int seedFilters = 1, int filterSets = 1)
    {
        var listed = new List<ListedObjective>();
        var notes = new List<string>();
        var items = (objectives ?? "").Split(',', StringSplitOptions.TrimEntries);
        var tokens = items.Where(t => t.Length > 0).ToArray();
        if (tokens.Length > 0 && tokens.Length < items.Length)
        {
            notes.Add($"--objectives has {items.Length - tokens.Length} empty entry(ies) between commas; skipped");
        }
        foreach (var token in tokens)
        {
            if (Family(token, seedFilters, filterSets) is { } family)
            {
                listed.AddRange(family.Select(o => new ListedObjective(o, $"--objectives family {token}")));
            }
            else
            {
                var name = Normalise(token);
                listed.Add(new ListedObjective(new BenchObjective(name, Custom, name), $"--objectives '{token}'"));
            }
        }

        for (var i = 0; i < (fileLines?.Count ?? 0); i++)
        {
            var line = fileLines![i];
            var comment = line.IndexOf('#', StringComparison.Ordinal);
            var name = Normalise(comment >= 0 ? line[..comment] : line);
            if (name.Length > 0)
            {
                listed.Add(new ListedObjective(new BenchObjective(name, Custom, name),
                    string.Create(CultureInfo.InvariantCulture, $"--file {fileName}, line {i + 1}")));
            }
        }

        var kept = new List<ListedObjective>();
        var seen = new Dictionary<string, ListedObjective>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in listed)
        {
            if (seen.TryGetValue(item.Objective.Name, out var first))
            {
                notes.Add($"'{item.Objective.Name}' from {item.Origin} is already listed (from {first.Origin}); "
                    + "it runs once");
                continue;
            }

            seen.Add(item.Objective.Name, item);
            kept.Add(item);
        }

        return new ExpandedObjectives(kept, notes);
    }

    /// <summary>
    /// Checks the expanded list: not empty, not too long, and every name accepted by
    /// <see cref="ObjectiveCatalog.Parse"/>. Each problem names the objective and where it came from.
    /// </summary>
    public static IReadOnlyList<string> Validate(ExpandedObjectives expanded)
    {
        var problems = new List<string>();
        if (expanded.Objectives.Count == 0)
        {
            problems.Add("--objectives and --file list no objective; give at least one family or name");
        }
        else if (expanded.Objectives.Count > MaxObjectives)
        {
            problems.Add($"--objectives and --file list {expanded.Objectives.Count} objectives; at most "
                + $"{MaxObjectives} fit one bench");
        }

        foreach (var item in expanded.Objectives)
        {
            try
            {
                ObjectiveCatalog.Parse(item.Objective.Name);
            }
            catch (FormatException ex)
            {
                problems.Add(item.Objective.Family == Custom
                    && item.Origin.StartsWith("--objectives", StringComparison.Ordinal)
                    ? $"{item.Origin}: '{item.Objective.Name}' is neither a family ({string.Join(", ", Families)}) "
                        + $"nor an objective: {ex.Message}"
                    : $"{item.Origin}: {ex.Message}");
            }
        }

        return problems;
    }

    /// <summary>Lines of an objectives file.</summary>
    /// <exception cref="IOException">The file is missing, a folder, or unreadable; the message names it.</exception>
    public static IReadOnlyList<string> ReadFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"{path} is a folder; --file takes a text file with one objective name a line");
        }

        if (!File.Exists(path))
        {
            throw new IOException($"objectives file {path} does not exist");
        }

        try
        {
            return File.ReadAllLines(path);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException($"objectives file {path} cannot be read: {ex.Message}", ex);
        }
    }

    // Spaces around the separators carry no meaning ("red | green" is "red|green"); inside a word they do, so
    // "blu e" stays a name the catalog rejects rather than becoming "blue".
    private static string Normalise(string name) => Separators().Replace(name.Trim(), "$1");

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*([|:])\s*")]
    private static partial System.Text.RegularExpressions.Regex Separators();
}

/// <summary>An objective and where the bench's command line listed it, for messages.</summary>
public sealed record ListedObjective(BenchObjective Objective, string Origin);

/// <summary>The objectives a bench runs, in order, and a note for every duplicate dropped.</summary>
public sealed record ExpandedObjectives(IReadOnlyList<ListedObjective> Objectives, IReadOnlyList<string> Notes);
