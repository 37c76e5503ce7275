using PirMesh.Contracts;
using PirMesh.Storage;

namespace PirMesh.Host.Reporting;

/// <summary>
/// Writes a completed loop's report folder: <c>summary.json</c> for scripts, <c>report.md</c> for people, and
/// the PNG images the report embeds. Every input is read from the blob store and checked against its SHA-256.
/// </summary>
public sealed class ReportWriter(IBlobStore store)
{
    /// <summary>Writes the report into <paramref name="outputDirectory"/>, which must be absent or empty.</summary>
    /// <remarks>
    /// The folder appears complete or not at all: files are staged in <c>{outputDirectory}.partial-{random}</c>,
    /// which is renamed into place at the end and deleted on failure.
    /// </remarks>
    /// <returns>The summary written as <c>summary.json</c>.</returns>
    /// <exception cref="IOException">The output folder exists and is not empty; nothing is changed in it.</exception>
    public async Task<SummaryDocument> WriteAsync(LoopCompleted loop, RunFacts facts, string outputDirectory,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(facts);

        // Checked before any chart is drawn, so that a taken folder fails fast.
        var target = ReportFolder.Resolve(outputDirectory);
        SummaryDocument? summary = null;
        await ReportFolder.PublishAsync(target,
            async staging => summary = await WriteFilesAsync(loop, facts, staging, ct));
        return summary!;
    }

    private async Task<SummaryDocument> WriteFilesAsync(LoopCompleted loop, RunFacts facts, string folder,
        CancellationToken ct)
    {
        var artifacts = new ArtifactWriter(store, folder);
        var pretrainingChart = await artifacts.WritePretrainingAsync(loop.Pretraining, ct);
        var rounds = new List<RoundArtifacts>(loop.Rounds.Count);
        foreach (var round in loop.Rounds)
        {
            rounds.Add(await artifacts.WriteRoundAsync(round, ct));
        }

        var summary = SummaryBuilder.Build(loop, facts, pretrainingChart, rounds);
        await File.WriteAllBytesAsync(Path.Combine(folder, "summary.json"), SummaryJson.Serialize(summary), ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), MarkdownReport.Render(summary), ct);
        return summary;
    }
}
