using System.Text;
using PirMesh.Contracts;
using PirMesh.Learning.Training;
using PirMesh.ServiceDefaults;
using PirMesh.Storage;

namespace PirMesh.Host.Reporting;

/// <summary>Writes the report's PNG files into a folder, reading every input from the blob store.</summary>
internal sealed class ArtifactWriter(IBlobStore store, string folder)
{
    /// <summary>The pretraining loss chart's file name, or null when there is no history (a cache hit).</summary>
    public Task<string?> WritePretrainingAsync(PretrainOutcome pretraining, CancellationToken ct) =>
        WriteLossesAsync("losses-pretraining.png", "Pretraining losses", pretraining.LossHistory, ct);

    public async Task<RoundArtifacts> WriteRoundAsync(RoundOutcome round, CancellationToken ct)
    {
        var r = round.Round;
        var samplesBefore = await CopyAsync($"samples-round{r}-before.png", round.BeforeSamples.Preview, ct);
        var samplesAfter = await CopyAsync($"samples-round{r}-after.png", round.AfterSamples.Preview, ct);

        var histogram = $"pir-histogram-round{r}.png";
        var comparison = round.Evaluation.VersusRoundStart;
        var before = await LoadAsync(comparison.Before, ct);
        var after = await LoadAsync(comparison.After, ct);
        var (beforeTrue, afterTrue) = (before.True(), after.True());
        var png = beforeTrue is not null && afterTrue is not null
            ? ReportCharts.PirHistogram(r, "true", beforeTrue, afterTrue)
            : ReportCharts.PirHistogram(r, "observed", before.Observed(), after.Observed());
        await WriteAsync(histogram, png, ct);

        var tuning = await WriteLossesAsync($"losses-tuning-round{r}.png", $"Round {r}: tuning losses",
            round.Tuning.LossHistory, ct);
        var estimator = await WriteLossesAsync($"losses-estimator-round{r}.png",
            $"Round {r}: estimator training", round.Estimator.LossHistory, ct);
        return new RoundArtifacts(samplesBefore, samplesAfter, histogram, tuning, estimator);
    }

    private async Task<string?> WriteLossesAsync(string name, string title, BlobRef? csv, CancellationToken ct)
    {
        if (csv is null)
        {
            return null;
        }

        var history = LossHistory.Parse(Encoding.UTF8.GetString(await store.GetAsync(csv, ct)));
        var png = ReportCharts.Losses(title, history);
        if (png is null)
        {
            return null;
        }

        await WriteAsync(name, png, ct);
        return name;
    }

    private async Task<string> CopyAsync(string name, BlobRef png, CancellationToken ct)
    {
        await WriteAsync(name, await store.GetAsync(png, ct), ct);
        return name;
    }

    private async Task<InteractionTable> LoadAsync(BlobRef table, CancellationToken ct) =>
        InteractionTable.Parse(await store.GetAsync(table, ct), table.Key);

    private Task WriteAsync(string name, byte[] content, CancellationToken ct) =>
        File.WriteAllBytesAsync(Path.Combine(folder, name), content, ct);
}
