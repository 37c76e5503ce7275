using PirMesh.Contracts;
using PirMesh.Learning.Statistics;

namespace PirMesh.Coordinator;

/// <summary>
/// Every random stream of a loop is derived from its master seed and the step's place in the loop, so a rerun
/// with the same seed repeats every step exactly, and no two steps share a stream.
/// </summary>
public static class LoopSeeds
{
    public static long For(LoopSettings settings, int round, string step) =>
        (long)(SeedSequence.Derive(unchecked((ulong)settings.Seed), (ulong)round, SeedSequence.StreamId(step)) >> 1);

    public static long Samples(LoopSettings s, int round, SamplePurpose purpose) =>
        For(s, round, "samples-" + purpose);

    public static long Interactions(LoopSettings s, int round, SamplePurpose purpose) =>
        For(s, round, "interactions-" + purpose);
}
