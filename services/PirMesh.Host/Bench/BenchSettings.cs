using System.Globalization;
using PirMesh.Contracts;
using PirMesh.Learning;

namespace PirMesh.Host.Bench;

/// <summary>
/// What makes a bench's objectives comparable: every loop setting but the objective, and the thread count (the same
/// seed gives the same numbers only with the same threads). Stored in <c>bench.json</c>; a resumed bench must
/// match it. The store and <c>--no-cache</c> are left out: they change where results come from, not what they are.
/// </summary>
public sealed record BenchSettings
{
    public required string Preset { get; init; }

    public required int Rounds { get; init; }

    public required int ImagesPerRound { get; init; }

    public required int EvaluationImages { get; init; }

    public required int ImpressionsPerImage { get; init; }

    /// <summary>Absolute path of the photo folder.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Absolute path of the class map, or null.</summary>
    public required string? ClassMapFile { get; init; }

    public required string Estimator { get; init; }

    public required long Seed { get; init; }

    /// <summary>
    /// The libtorch threads the objectives run with, resolved: <c>--threads 0</c> is stored as this machine's core
    /// count, so a resume on a machine with another count, or with an explicit equal count, is judged by what runs.
    /// </summary>
    public required int Threads { get; init; }

    /// <summary>The bench settings of a loop template; relative paths are made absolute.</summary>
    public static BenchSettings From(LoopSettings loop, int threads) => new()
    {
        Preset = loop.Preset,
        Rounds = loop.Rounds,
        ImagesPerRound = loop.ImagesPerRound,
        EvaluationImages = loop.EvaluationImages,
        ImpressionsPerImage = loop.ImpressionsPerImage,
        DataDirectory = FullPath(loop.DataDirectory),
        ClassMapFile = loop.ClassMapFile is null ? null : FullPath(loop.ClassMapFile),
        Estimator = loop.Estimator,
        Seed = loop.Seed,
        Threads = TorchCompute.ResolveThreads(threads),
    };

    /// <summary>Every setting that differs, as <c>--flag: X in bench.json, Y now</c>.</summary>
    public IReadOnlyList<string> Differences(BenchSettings now)
    {
        var differences = new List<string>();
        void Compare<T>(string flag, T stored, T current)
        {
            if (!EqualityComparer<T>.Default.Equals(stored, current))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{flag}: {stored?.ToString() ?? "(none)"} in bench.json, {current?.ToString() ?? "(none)"} now"));
            }
        }

        Compare("--preset", Preset, now.Preset);
        Compare("--rounds", Rounds, now.Rounds);
        Compare("--images", ImagesPerRound, now.ImagesPerRound);
        Compare("--eval-images", EvaluationImages, now.EvaluationImages);
        Compare("--impressions", ImpressionsPerImage, now.ImpressionsPerImage);
        Compare("--data", DataDirectory, now.DataDirectory);
        Compare("--class-map", ClassMapFile, now.ClassMapFile);
        Compare("--estimator", Estimator, now.Estimator);
        Compare("--seed", Seed, now.Seed);
        // Folders written before thread counts were resolved store 0: one per core, taken as this machine's.
        Compare("--threads", TorchCompute.ResolveThreads(Threads), TorchCompute.ResolveThreads(now.Threads));
        return differences;
    }

    private static string FullPath(string path) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
