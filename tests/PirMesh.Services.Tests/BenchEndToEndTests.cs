using System.CommandLine;
using PirMesh.Host.Cli;

namespace PirMesh.Services.Tests;

/// <summary><c>pirmesh bench</c> through the command line, with torch, on small synthetic photos.</summary>
public sealed class BenchEndToEndTests : IDisposable
{
    private readonly TestPhotos photos = new();
    private readonly string scratch =
        Path.Combine(Path.GetTempPath(), "pirmesh-bench-e2e-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        photos.Dispose();
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private async Task<(int Code, string Output, string Errors)> Bench(string folder)
    {
        string[] args =
        [
            "bench", "--preset", "smoke", "--objectives", "blue,red|green", "--images", "64", "--eval-images", "64",
            "--impressions", "50", "--data", photos.Directory, "--class-map", photos.ClassMapFile, "--threads", "1",
            "--store", Path.Combine(scratch, "store"), "--out", folder,
        ];
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await PirMeshCommandLine.Create().Parse(args).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = errors }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Bench_TwoColourObjectivesTwice_WritesTableAndFiguresThenRerunsNothing()
    {
        var folder = Path.Combine(scratch, "bench");

        var (code, output, errors) = await Bench(folder);

        Assert.True(code == 0, errors + output);
        var rows = File.ReadAllLines(Path.Combine(folder, "bench.csv")).Skip(1).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("custom,blue,blue,1,true,", rows[0]);
        Assert.StartsWith("custom,red|green,red|green,1,true,", rows[1]);
        foreach (var file in new[] { "bench.md", "change-by-objective.png", "introspection.png",
                     "change-vs-initial-sd.png", "objectives/01-blue/summary.json",
                     "objectives/02-red_green/report.md" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }

        Assert.Contains("[1/2] blue (custom, blue)", output);
        Assert.Contains("[2/2] red|green (custom, red|green)", output);
        Assert.Contains("bench: 2/2 done", output);
        var summary = Path.Combine(folder, "objectives", "01-blue", "summary.json");
        var written = File.GetLastWriteTimeUtc(summary);
        var csv = await File.ReadAllTextAsync(Path.Combine(folder, "bench.csv"), TestContext.Current.CancellationToken);

        var (again, secondOutput, secondErrors) = await Bench(folder);

        Assert.True(again == 0, secondErrors + secondOutput);
        Assert.Contains("2 finished earlier", secondOutput);
        Assert.Contains("[1/2] blue (custom, blue): finished earlier", secondOutput);
        Assert.Contains("[2/2] red|green (custom, red|green): finished earlier", secondOutput);
        Assert.DoesNotContain("PirMesh loop", secondOutput);
        Assert.Equal(written, File.GetLastWriteTimeUtc(summary));
        Assert.Equal(csv, await File.ReadAllTextAsync(Path.Combine(folder, "bench.csv"),
            TestContext.Current.CancellationToken));
    }
}
