using System.Globalization;
using System.Text.RegularExpressions;
using PirMesh.Learning.Pretrained;
using PirMesh.Learning.Statistics;
using static TorchSharp.torch;

namespace PirMesh.Learning.Objectives;

/// <summary>
/// Objectives read from the pretrained ResNet-18: at one stage, k filters are drawn without replacement with a
/// seed, and PIR = sqrt(sum over the chosen filters of ||a_f||² / sum over all filters of ||a_f||²), where a_f is
/// filter f's activation map. k = 1 targets a single filter. Images are fed at the network's native 224 x 224, so
/// an objective name means the same function at every preset. Computed without gradients: to the tuner the
/// simulated users stay a black box. Names: <c>resnet18:&lt;stage&gt;:k&lt;k&gt;:s&lt;seed&gt;</c>.
/// </summary>
public sealed partial class FeatureObjective : ISimulatedObjective
{
    public const string NetworkName = "resnet18";

    private readonly long[] filters;

    private FeatureObjective(string stage, int k, long seed)
    {
        Stage = stage;
        K = k;
        Seed = seed;
        filters = DrawFilters(ResNet18.FilterCount(stage), k, seed);
        Name = $"{NetworkName}:{stage}:k{k}:s{seed.ToString(CultureInfo.InvariantCulture)}";
    }

    public string Name { get; }

    public string? Network => NetworkName;

    public string Stage { get; }

    public int K { get; }

    public long Seed { get; }

    /// <summary>The chosen filter indices, in the order drawn.</summary>
    public IReadOnlyList<long> Filters => filters;

    [GeneratedRegex(@"^resnet18:(?<stage>[a-z0-9]+):k(?<k>-?\d+):s(?<seed>-?\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>
    /// Parses <c>resnet18:layer3:k20:s7</c>. Names starting <c>resnet18</c> that do not parse get an error.
    /// </summary>
    public static bool TryParse(string text, out FeatureObjective? objective, out string? error)
    {
        objective = null;
        error = null;
        text = text.Trim();
        if (!text.StartsWith(NetworkName, StringComparison.OrdinalIgnoreCase))
        {
            error = "not a ResNet-18 objective";
            return false;
        }
        var match = NamePattern().Match(text.ToLowerInvariant());
        if (!match.Success)
        {
            error = "a ResNet-18 objective is written resnet18:<stage>:k<filters>:s<seed>, e.g. resnet18:layer3:k20:s7";
            return false;
        }
        var stage = match.Groups["stage"].Value;
        if (!ResNet18.Stages.Contains(stage))
        {
            error = $"unknown ResNet-18 stage '{stage}'; expected one of: {string.Join(", ", ResNet18.Stages)}";
            return false;
        }
        if (!int.TryParse(match.Groups["k"].Value, CultureInfo.InvariantCulture, out var k) || k < 1)
        {
            error = $"k must be a whole number of at least 1, got '{match.Groups["k"].Value}'";
            return false;
        }
        var count = ResNet18.FilterCount(stage);
        if (k > count)
        {
            error = $"stage {stage} has {count} filters; k = {k} is larger";
            return false;
        }
        if (!long.TryParse(match.Groups["seed"].Value, CultureInfo.InvariantCulture, out var seed) || seed < 0)
        {
            error = $"the filter seed must be a whole number from 0 to {long.MaxValue}, got "
                + $"'{match.Groups["seed"].Value}'";
            return false;
        }
        objective = new FeatureObjective(stage, k, seed);
        return true;
    }

    /// <summary>Images per forward pass; at 224 x 224 the early activations take about 13 MB per image.</summary>
    public const int ChunkSize = 16;

    public Tensor TruePir(Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var network = ResNet18.Frozen(ResNet18.NativeSide, images.device);
        var parts = new List<Tensor>();
        for (long start = 0; start < images.shape[0]; start += ChunkSize)
        {
            using var chunkScope = NewDisposeScope();
            var chunk = images[TensorIndex.Slice(start, Math.Min(images.shape[0], start + ChunkSize))];
            var activations = network.Features(chunk, [Stage])[Stage];
            parts.Add(FromFilterEnergies(FilterEnergies(activations), filters).MoveToOuterDisposeScope());
        }
        return cat(parts, 0).to(float32).MoveToOuterDisposeScope();
    }

    /// <summary>||a_f||² of every filter: activations [N, C, H, W] (or [N, C]) to [N, C], in float64.</summary>
    public static Tensor FilterEnergies(Tensor activations)
    {
        using var scope = NewDisposeScope();
        var squares = activations.to(float64).square();
        return (squares.dim() == 2 ? squares : squares.sum([2, 3])).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The formula on per-filter energies [N, C] (each ||a_f||²): sqrt(sum over <paramref name="chosen"/> / sum over
    /// all). An image with no activity at all gets PIR 0 rather than 0/0. Computed in float64.
    /// </summary>
    public static Tensor FromFilterEnergies(Tensor energies, IReadOnlyList<long> chosen)
    {
        using var scope = NewDisposeScope();
        var e = energies.to(float64);
        var total = e.sum(1);
        var selected = e.index_select(1, tensor(chosen.ToArray(), int64, device: e.device)).sum(1);
        var ratio = where(total > 0, selected / total.clamp_min(1e-300), zeros_like(total));
        return ratio.sqrt().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// k distinct filters out of <paramref name="count"/>: the first k of a Fisher-Yates shuffle driven by
    /// xoshiro256** seeded with <paramref name="seed"/>, so the same seed always picks the same filters.
    /// </summary>
    public static long[] DrawFilters(int count, int k, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, count);
        var random = SeedSequence.CreateGenerator(unchecked((ulong)seed), SeedSequence.StreamId("resnet18-filters"));
        var pool = Enumerable.Range(0, count).Select(i => (long)i).ToArray();
        for (var i = 0; i < k; i++)
        {
            var j = i + (int)(random.NextDouble() * (count - i));
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..k];
    }
}
