namespace PirMesh.Imaging;

/// <summary>How a <see cref="ClassRule"/> compares its pattern with a file name.</summary>
internal enum ClassRuleKind
{
    /// <summary>The pattern occurs anywhere in the name, ignoring case.</summary>
    Substring,

    /// <summary>The name's leading run of letters equals the pattern, ignoring case.</summary>
    LeadingWord,
}

/// <summary>One line of a <see cref="ClassMap"/>.</summary>
internal sealed record ClassRule(string Pattern, int ClassIndex, ClassRuleKind Kind)
{
    public bool Matches(string fileName) => Kind switch
    {
        ClassRuleKind.Substring => fileName.Contains(Pattern, StringComparison.OrdinalIgnoreCase),
        _ => LeadingWord(fileName).Equals(Pattern, StringComparison.OrdinalIgnoreCase),
    };

    private static ReadOnlySpan<char> LeadingWord(string fileName)
    {
        var end = 0;
        while (end < fileName.Length && char.IsAsciiLetter(fileName[end]))
        {
            end++;
        }

        return fileName.AsSpan(0, end);
    }
}
