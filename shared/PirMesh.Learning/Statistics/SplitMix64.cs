namespace PirMesh.Learning.Statistics;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014, as published by Vigna at https://prng.di.unimi.it/splitmix64.c):
/// a Weyl sequence state += 0x9E3779B97F4A7C15 passed through a bijective 64-bit finalizer.
/// Used to expand one 64-bit seed into xoshiro state and to mix seed paths; too weak to be the main
/// generator. Not thread-safe.
/// </summary>
/// <param name="seed">Initial state; every value, including 0, is valid.</param>
public sealed class SplitMix64(ulong seed)
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong _state = seed;

    /// <summary>Advances the state by the golden-ratio increment and returns <see cref="Mix"/> of it.</summary>
    public ulong NextUInt64()
    {
        _state = unchecked(_state + GoldenGamma);
        return Mix(_state);
    }

    /// <summary>
    /// The SplitMix64 finalizer: z ^= z &gt;&gt; 30; z *= 0xBF58476D1CE4E5B9; z ^= z &gt;&gt; 27;
    /// z *= 0x94D049BB133111EB; z ^= z &gt;&gt; 31. A bijection on 64-bit values, so distinct inputs
    /// always give distinct outputs.
    /// </summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
