using System.Security.Cryptography;

namespace PirMesh.Storage;

/// <summary>SHA-256 as lowercase hexadecimal, the spelling used in blob keys.</summary>
public static class Sha256Hex
{
    /// <summary>Length of a SHA-256 in hexadecimal characters.</summary>
    public const int Length = 64;

    /// <summary>Hash of <paramref name="data"/>.</summary>
    public static string Of(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Hash of the rest of <paramref name="stream"/>, read without holding it all in memory.</summary>
    public static async Task<string> OfAsync(Stream stream, CancellationToken ct) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false));

    /// <summary>Whether <paramref name="text"/> is spelled like a hash from <see cref="Of"/>.</summary>
    public static bool IsValid(string? text) =>
        text is { Length: Length } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
