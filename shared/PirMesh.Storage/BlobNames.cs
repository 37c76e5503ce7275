namespace PirMesh.Storage;

/// <summary>
/// Checks kinds, keys and alias names before they become paths, so that no caller-supplied text can
/// reach outside the store's folder.
/// </summary>
internal static class BlobNames
{
    private const int MaxKindLength = 64;
    private const int MaxAliasLength = 200;

    public static void ValidateKind(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (kind.Length is 0 or > MaxKindLength || !kind.All(c => IsLowerAlphanumeric(c) || c == '-'))
        {
            throw new ArgumentException(
                $"blob kind '{kind}' is not valid: use 1 to {MaxKindLength} lowercase letters, digits or '-'",
                nameof(kind));
        }
    }

    public static void ValidateAlias(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var charsOk = name.All(c => IsLowerAlphanumeric(c) || c is '-' or '/' or '.');
        var shapeOk = name.Length is > 0 and <= MaxAliasLength
            && !name.StartsWith('/') && !name.EndsWith('/')
            && !name.Contains("..", StringComparison.Ordinal)
            && !name.Contains("//", StringComparison.Ordinal)
            && name.Split('/').All(segment => segment != ".");
        if (!charsOk || !shapeOk)
        {
            throw new ArgumentException(
                $"alias name '{name}' is not valid: use lowercase letters, digits, '-', '.' and '/' between "
                + "segments, with no '..', no empty segment and no leading or trailing '/'",
                nameof(name));
        }
    }

    /// <summary>Splits a key into kind and hash, checking it is consistent with the rest of the reference.</summary>
    public static (string Kind, string Hash) ValidateBlob(StoredBlob blob, string paramName)
    {
        ArgumentNullException.ThrowIfNull(blob, paramName);
        var slash = blob.Key?.IndexOf('/') ?? -1;
        if (blob.Key is null || slash < 0)
        {
            throw new ArgumentException($"blob key '{blob.Key}' is not of the form kind/sha256", paramName);
        }

        var kind = blob.Key[..slash];
        var hash = blob.Key[(slash + 1)..];
        ValidateKind(kind);
        if (!Sha256Hex.IsValid(hash) || hash != blob.Sha256 || blob.Length < 0)
        {
            throw new ArgumentException(
                $"blob reference {blob} is not consistent: the key must end with the lowercase SHA-256 "
                + "and the length must not be negative",
                paramName);
        }

        return (kind, hash);
    }

    private static bool IsLowerAlphanumeric(char c) => c is >= 'a' and <= 'z' || char.IsAsciiDigit(c);
}
