using System.Numerics;

namespace PirMesh.Learning.Statistics;

/// <summary>
/// xoshiro256** 1.0 (Blackman and Vigna, https://prng.di.unimi.it/xoshiro256starstar.c): 256 bits of
/// state, period 2²⁵⁶ - 1, fast and statistically strong. Implemented here rather than relying on
/// System.Random, whose algorithm is not promised to stay the same across .NET versions; the output of
/// this class depends only on integer arithmetic and is identical on every machine and runtime.
/// Not thread-safe: give each thread its own instance, seeded via <see cref="SeedSequence"/>.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>
    /// Seeds the state with four successive outputs of <see cref="SplitMix64"/> started at
    /// <paramref name="seed"/>, as the authors recommend, so that similar seeds give unrelated streams.
    /// </summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var mixer = new SplitMix64(seed);
        _s0 = mixer.NextUInt64();
        _s1 = mixer.NextUInt64();
        _s2 = mixer.NextUInt64();
        _s3 = mixer.NextUInt64();

        // SplitMix64 is a bijection of successive Weyl states, so four zero outputs cannot occur; keep the
        // generator valid regardless.
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = 1;
        }
    }

    /// <summary>Starts from an explicit state, e.g. to reproduce published test vectors.</summary>
    /// <exception cref="ArgumentException">
    /// All four words are zero, the one state the generator never leaves.
    /// </exception>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The xoshiro256** state must not be all zero.", nameof(s0));
        }

        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>Next 64 uniformly distributed bits: rotl(s₁ · 5, 7) · 9, then the xoshiro state update.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = BitOperations.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>
    /// Uniform double in [0, 1): the top 53 bits of <see cref="NextUInt64"/> times 2⁻⁵³, so every value is
    /// a multiple of 2⁻⁵³ and 1 is never returned.
    /// </summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
