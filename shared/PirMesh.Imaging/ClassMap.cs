namespace PirMesh.Imaging;

/// <summary>
/// Assigns photos to classes by file name. Rules are tried in order and the first match wins; a file that
/// matches no rule is left out of the data set.
/// </summary>
public sealed class ClassMap
{
    private readonly IReadOnlyList<ClassRule> _rules;

    private ClassMap(IReadOnlyList<string> classNames, IReadOnlyList<ClassRule> rules)
    {
        ClassNames = classNames;
        _rules = rules;
    }

    /// <summary>Class names; a class index is a position in this list.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>
    /// The photos of the Debian package <c>endless-sky-data</c> in
    /// <c>/usr/share/games/endless-sky/images/land/</c>: class 0 "mountains" (mountain, snow, canyon, valley,
    /// hills, badlands), class 1 "coasts" (sea, beach, water). Their file names start with the scene word
    /// (<c>beach3.jpg</c>, <c>mountain12-sfiera.jpg</c>), so the rule compares that leading word as a whole
    /// rather than searching for a substring, which would let "sea" match a future "seasons" or "tea" a
    /// "steam". Cities, stations, space and the scenes not listed are left out.
    /// </summary>
    public static ClassMap EndlessSkyLandscapes { get; } = new(
        ["mountains", "coasts"],
        [
            .. new[] { "mountain", "snow", "canyon", "valley", "hills", "badlands" }
                .Select(word => new ClassRule(word, 0, ClassRuleKind.LeadingWord)),
            .. new[] { "sea", "beach", "water" }.Select(word => new ClassRule(word, 1, ClassRuleKind.LeadingWord)),
        ]);

    /// <summary>A map that puts every file in class 0.</summary>
    public static ClassMap SingleClass(string name = "all")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new([name], [new ClassRule("", 0, ClassRuleKind.Substring)]);
    }

    /// <summary>
    /// Reads lines of the form <c>pattern=class</c>, where the pattern is a case-insensitive substring of the
    /// file name. Blank lines and lines starting with '#' are ignored. Classes are numbered in the order they
    /// first appear.
    /// </summary>
    /// <param name="text">The map's text.</param>
    /// <param name="sourceName">Where the text came from, for error messages (e.g. the file path).</param>
    /// <exception cref="FormatException">A line is not <c>pattern=class</c>, or the text has no rule.</exception>
    public static ClassMap Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var names = new List<string>();
        var rules = new List<ClassRule>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=');
            var pattern = equals < 0 ? "" : line[..equals].Trim();
            var className = equals < 0 ? "" : line[(equals + 1)..].Trim();
            if (pattern.Length == 0 || className.Length == 0 || className.Contains('='))
            {
                throw new FormatException(
                    $"{sourceName} line {i + 1}: expected 'pattern=class' with a non-empty pattern and class, "
                    + $"found '{line}'");
            }

            var index = names.IndexOf(className);
            if (index < 0)
            {
                index = names.Count;
                names.Add(className);
            }

            rules.Add(new ClassRule(pattern, index, ClassRuleKind.Substring));
        }

        if (rules.Count == 0)
        {
            throw new FormatException($"{sourceName} has no 'pattern=class' line");
        }

        return new ClassMap(names, rules);
    }

    /// <summary>The class of a file, or <c>null</c> when no rule matches it.</summary>
    /// <param name="fileName">A file name; any folder part is ignored.</param>
    public int? ClassOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName);
        foreach (var rule in _rules)
        {
            if (rule.Matches(name))
            {
                return rule.ClassIndex;
            }
        }

        return null;
    }
}
