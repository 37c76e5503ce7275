using System.Text.Json;
using PirMesh.Contracts;
using PirMesh.Host.Cli;
using PirMesh.Tuning;

namespace PirMesh.Services.Tests;

/// <summary>The whole loop through the command line's entry point, on the real landscape photos.</summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "pirmesh-e2e-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private async Task<JsonDocument> RunSmoke(string name)
    {
        var loop = new LoopSettings
        {
            Preset = "smoke", Objective = "red|green", Rounds = 2, ImagesPerRound = 200, EvaluationImages = 200,
            ImpressionsPerImage = 500, Seed = 3, DataDirectory = PhotoDataSets.EndlessSkyFolder,
        };
        var output = Path.Combine(scratch, name);
        // A store per run, so both runs pretrain: the comparison covers the whole loop.
        var run = new RunSettings(loop, output, Path.Combine(scratch, name + "-store"), 1);
        var errors = new StringWriter();
        var code = await RunLoop.ExecuteAsync(run, TextWriter.Null, errors, TestContext.Current.CancellationToken);
        Assert.True(code == 0, errors.ToString());
        return JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary.json"),
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Run_SameSeedAndThreadsTwice_GivesIdenticalNumbers()
    {
        Assert.SkipUnless(Directory.Exists(PhotoDataSets.EndlessSkyFolder),
            "needs the endless-sky-data photos, which ./pirmesh test installs");

        using var first = await RunSmoke("first");
        using var second = await RunSmoke("second");

        var rounds = first.RootElement.GetProperty("rounds");
        Assert.Equal(2, rounds.GetArrayLength());
        foreach (var field in new[] { "changeInMeanPir", "cohensD", "welchT", "welchDf", "pValue", "estimatedChange" })
        {
            for (var r = 0; r < 2; r++)
            {
                var a = rounds[r].GetProperty(field).GetRawText();
                var b = second.RootElement.GetProperty("rounds")[r].GetProperty(field).GetRawText();
                Assert.True(a == b, $"round {r + 1} {field}: {a} then {b}");
            }
        }
        Assert.Equal(rounds[0].GetProperty("estimator").GetRawText(),
            second.RootElement.GetProperty("rounds")[0].GetProperty("estimator").GetRawText());
        Assert.Equal(200, rounds[0].GetProperty("after").GetProperty("observed").GetProperty("n").GetInt32());
        foreach (var file in new[] { "report.md", "samples-round1-before.png", "pir-histogram-round2.png" })
        {
            Assert.True(File.Exists(Path.Combine(scratch, "first", file)), file);
        }
    }
}
