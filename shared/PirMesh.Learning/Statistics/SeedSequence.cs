using System.Text;

namespace PirMesh.Learning.Statistics;

/// <summary>
/// Derives independent, reproducible child seeds from a root seed and a path of stream ids, so that every
/// step of a pipeline (e.g. path = [round, batch, worker]) gets its own stream and adding a step does not
/// shift the random numbers of the others.
/// </summary>
public static class SeedSequence
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;
    private const ulong RootDomain = 0x5049524D65736821UL;
    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    /// <summary>
    /// Child seed for (seed, path): h₀ = Mix(seed ⊕ c), hₖ₊₁ = Mix(hₖ + γ·(idₖ + 1)), with Mix the
    /// <see cref="SplitMix64.Mix"/> bijection and γ the odd golden-ratio constant. For a fixed parent,
    /// distinct ids therefore always give distinct children; unrelated paths collide only by 64-bit chance.
    /// The empty path gives h₀, which differs from the seed itself so that the root stream and a direct
    /// use of the seed do not coincide.
    /// </summary>
    public static ulong Derive(ulong seed, params ReadOnlySpan<ulong> path)
    {
        var h = SplitMix64.Mix(seed ^ RootDomain);
        foreach (var id in path)
        {
            h = SplitMix64.Mix(unchecked(h + GoldenGamma * (id + 1)));
        }

        return h;
    }

    /// <summary>
    /// A stable 64-bit id for a stream name (FNV-1a over its UTF-8 bytes, then mixed), for use in
    /// <see cref="Derive"/> paths. Unlike string.GetHashCode it is the same in every process and version.
    /// </summary>
    public static ulong StreamId(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }

        return SplitMix64.Mix(hash);
    }

    /// <summary>A generator on the child stream <see cref="Derive"/>(seed, path).</summary>
    public static Xoshiro256StarStar CreateGenerator(ulong seed, params ReadOnlySpan<ulong> path) =>
        new(Derive(seed, path));
}
