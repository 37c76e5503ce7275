using PirMesh.Learning.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace PirMesh.Learning.Training;

/// <summary>Draws images from a generator with reproducible latents and balanced classes.</summary>
public static class Sampler
{
    private const int Chunk = 250;

    /// <summary>Class of the i-th sample: classes take turns, so every class gets a fair share.</summary>
    public static int ClassOf(int index, int classCount) => index % classCount;

    /// <returns>NCHW bytes and the class of each image.</returns>
    public static (byte[] Pixels, int[] Classes) Sample(ImageGenerator generator, int count, long seed)
    {
        if (count <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "the number of samples must be positive");
        }
        var device = generator.parameters().First().device;
        var classes = Enumerable.Range(0, count).Select(i => ClassOf(i, generator.ClassCount)).ToArray();
        var output = new List<byte>();
        generator.eval();
        using var noGrad = no_grad();
        var latents = new torch.Generator((ulong)seed);
        for (var start = 0; start < count; start += Chunk)
        {
            using var scope = NewDisposeScope();
            var n = Math.Min(Chunk, count - start);
            var z = randn([n, generator.LatentSize], generator: latents).to(device);
            var c = tensor(classes[start..(start + n)].Select(x => (long)x).ToArray(), int64).to(device);
            output.AddRange(ImageTensors.ToBytes(generator.forward(z, c)));
        }
        return (output.ToArray(), classes);
    }

    /// <summary>Mean frozen-estimator PIR of <paramref name="count"/> fresh samples.</summary>
    public static double MeanEstimate(ImageGenerator generator, PirEstimator estimator, int count, long seed)
    {
        var device = generator.parameters().First().device;
        generator.eval();
        estimator.eval();
        using var noGrad = no_grad();
        var latents = new torch.Generator((ulong)seed);
        double sum = 0;
        for (var start = 0; start < count; start += Chunk)
        {
            using var scope = NewDisposeScope();
            var n = Math.Min(Chunk, count - start);
            var z = randn([n, generator.LatentSize], generator: latents).to(device);
            var c = (arange(start, start + n, dtype: int64) % generator.ClassCount).to(device);
            sum += estimator.Estimate((generator.forward(z, c) + 1) / 2).sum().item<float>();
        }
        return sum / count;
    }
}
