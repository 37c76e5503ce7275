using PirMesh.Contracts;
using PirMesh.Imaging;
using PirMesh.Learning;
using PirMesh.Learning.Objectives;
using PirMesh.Learning.Statistics;
using PirMesh.ServiceDefaults;
using static TorchSharp.torch;

namespace PirMesh.Interactions;

/// <summary>
/// Simulated users: the objective gives each image a true PIR p, and the positives out of n impressions are drawn
/// from Binomial(n, p), so the observed PIR carries the sampling noise real traffic would.
/// </summary>
public sealed class SimulatedUsers(TorchCompute compute) : IInteractionSource
{
    public bool Serves(string objective)
    {
        try
        {
            ObjectiveCatalog.Parse(objective);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public async Task<InteractionTable> CollectAsync(ImageBatch batch, CollectInteractions command,
        CancellationToken cancellationToken)
    {
        var objective = ObjectiveCatalog.Parse(command.Objective);
        var truePir = await compute.RunAsync(token => Score(objective, batch, token), cancellationToken);
        var sampler = new BinomialSampler(unchecked((ulong)command.Seed));
        var rows = truePir
            .Select(p => new Interaction(command.Impressions, sampler.Sample(command.Impressions, p), p))
            .ToArray();
        return new InteractionTable(rows);
    }

    /// <summary>True PIR of every image, in batch order; stops between chunks of 250 images when cancelled.</summary>
    public static double[] Score(ISimulatedObjective objective, ImageBatch batch,
        CancellationToken cancellationToken = default)
    {
        var scores = new List<double>(batch.Count);
        using var pixels = ImageTensors.FromBytes(batch.Pixels, batch.Count, batch.Height, batch.Width);
        for (var start = 0; start < batch.Count; start += 250)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var chunk = pixels[TensorIndex.Slice(start, Math.Min(batch.Count, start + 250))];
            var pir = objective.TruePir(ImageTensors.ToUnit(chunk)).clamp(0, 1).to(float64);
            scores.AddRange(pir.data<double>().ToArray());
        }
        return scores.ToArray();
    }
}
