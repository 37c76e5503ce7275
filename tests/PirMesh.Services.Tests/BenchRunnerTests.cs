using System.Globalization;
using System.Text.Json.Nodes;
using PirMesh.Contracts;
using PirMesh.Host.Bench;
using PirMesh.Host.Cli;
using PirMesh.Learning.Pretrained;

namespace PirMesh.Services.Tests;

/// <summary>
/// Bench bookkeeping without torch: a fake stands in for each objective's loop and writes a minimal summary.json.
/// </summary>
public sealed class BenchRunnerTests : IDisposable
{
    private readonly TestPhotos photos = new(perClass: 2);
    private readonly string scratch =
        Path.Combine(Path.GetTempPath(), "pirmesh-bench-" + Guid.NewGuid().ToString("N"));

    private readonly List<string> ran = [];

    public BenchRunnerTests() => Directory.CreateDirectory(scratch);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Folder => Path.Combine(scratch, "bench");

    public void Dispose()
    {
        photos.Dispose();
        Directory.Delete(scratch, recursive: true);
    }

    private BenchRequest Request(string objectives = "single-colour", int rounds = 1, string preset = "smoke") =>
        new(new LoopSettings
            {
                Preset = preset, Objective = "", Rounds = rounds, ImagesPerRound = 64, EvaluationImages = 64,
                ImpressionsPerImage = 50, DataDirectory = photos.Directory, ClassMapFile = photos.ClassMapFile,
            },
            Folder, Path.Combine(scratch, "store"), 1, objectives, null);

    /// <summary>
    /// The smallest summary.json the bench reads: objective i's true mean PIR goes from 0.5 to 0.5 + i/100, and
    /// the estimator predicted half of that.
    /// </summary>
    public static string MinimalSummary(string objective, int rounds, double change, double seconds = 10)
    {
        var round = new JsonObject
        {
            ["estimatedChange"] = change / 2 / rounds,
            ["estimator"] = new JsonObject { ["valPearson"] = 0.8 },
            ["versusOriginal"] = new JsonObject
            {
                ["basis"] = "true", ["changeInMeanPir"] = change, ["cohensD"] = 10 * change, ["pValue"] = 1e-5,
                ["significant"] = true,
                ["true"] = new JsonObject
                {
                    ["before"] = new JsonObject { ["meanPir"] = 0.5 },
                    ["after"] = new JsonObject { ["meanPir"] = 0.5 + change },
                },
            },
        };
        var rounds_ = new JsonArray();
        for (var r = 0; r < rounds; r++)
        {
            rounds_.Add(round.DeepClone());
        }

        return new JsonObject
        {
            ["objective"] = objective,
            ["roundCount"] = rounds,
            ["initialSpread"] = new JsonObject
            {
                ["basis"] = "true", ["sdPir"] = 0.02, ["nonZeroShare"] = 1.0, ["zeroBelow"] = 0.01,
            },
            ["performance"] = new JsonObject { ["totalSeconds"] = seconds },
            ["rounds"] = rounds_,
        }.ToJsonString();
    }

    /// <summary>A loop that "runs" by writing its summary, like the real one, into the run folder.</summary>
    private Task<int> FakeRun(RunSettings run, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        ran.Add(run.Loop.Objective);
        Directory.CreateDirectory(run.OutputDirectory);
        var change = ran.Count / 100.0;
        File.WriteAllText(Path.Combine(run.OutputDirectory, "summary.json"),
            MinimalSummary(run.Loop.Objective, run.Loop.Rounds, change));
        return Task.FromResult(0);
    }

    private async Task<(int Code, string Output, string Errors)> Bench(BenchRequest request,
        BenchRunner.RunObjective? run = null)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await new BenchRunner(output, errors, run ?? FakeRun).ExecuteAsync(request, Ct);
        return (code, output.ToString(), errors.ToString());
    }

    private string[] CsvRows() => File.ReadAllLines(Path.Combine(Folder, "bench.csv")).Skip(1).ToArray();

    [Fact]
    public async Task Execute_NewBench_RunsEachObjectiveIntoItsFolderAndWritesTableAndFigures()
    {
        var (code, output, errors) = await Bench(Request());

        Assert.True(code == 0, errors);
        Assert.Equal(["red", "green", "blue"], ran);
        Assert.True(File.Exists(Path.Combine(Folder, "objectives", "01-red", "summary.json")));
        Assert.True(File.Exists(Path.Combine(Folder, "objectives", "03-blue", "summary.json")));
        Assert.Equal(3, CsvRows().Length);
        Assert.StartsWith("single-colour,single-colour,red,1,true,0.5,0.51,0.01,", CsvRows()[0]);
        foreach (var file in new[] { "bench.md", "bench.json", "change-by-objective.png", "introspection.png",
                     "change-vs-initial-sd.png" })
        {
            Assert.True(File.Exists(Path.Combine(Folder, file)), file);
        }

        Assert.Contains("[1/3] red (single-colour, single-colour)", output);
        Assert.Contains("time left unknown until one objective has finished", output);
        Assert.Contains("bench: 1/3 done, elapsed ", output);
        Assert.Contains("bench: 3/3 done", output);
        Assert.Contains("nothing left", output);
        Assert.Contains("true mean PIR 0.5000 -> 0.5100 (change +0.0100", output);
        Assert.Empty(Directory.GetFiles(Folder, "*.tmp-*"));
    }

    [Fact]
    public async Task Execute_SameCommandAgain_SkipsFinishedObjectivesAndRunsNothing()
    {
        await Bench(Request());
        var csv = await File.ReadAllTextAsync(Path.Combine(Folder, "bench.csv"), Ct);
        ran.Clear();

        var (code, output, _) = await Bench(Request());

        Assert.Equal(0, code);
        Assert.Empty(ran);
        Assert.Contains("[2/3] green (single-colour, single-colour): finished earlier in objectives/02-green; skipped",
            output);
        Assert.Equal(csv, await File.ReadAllTextAsync(Path.Combine(Folder, "bench.csv"), Ct));
    }

    [Fact]
    public async Task Execute_Interrupted_KeepsFinishedOnesAndResumeRemovesTheHalfWrittenRunAndContinues()
    {
        // Objective 2 is cancelled (Ctrl+C) after objective 1 finished.
        Task<int> StopAtSecond(RunSettings run, TextWriter o, TextWriter e, CancellationToken ct) =>
            ran.Count == 1 ? Task.FromResult(130) : FakeRun(run, o, e, ct);

        var (code, _, errors) = await Bench(Request(), StopAtSecond);

        Assert.Equal(130, code);
        Assert.Contains("the 1 finished objective(s) are kept", errors);
        Assert.Single(CsvRows());
        Assert.Contains("1 of 3 finished", await File.ReadAllTextAsync(Path.Combine(Folder, "bench.md"), Ct));

        // A hard kill while objective 2 wrote its report leaves its staging folder, and a half-written table.
        var partial = Path.Combine(Folder, "objectives", "02-green.partial-0123456789ab");
        Directory.CreateDirectory(partial);
        await File.WriteAllTextAsync(Path.Combine(partial, "report.md"), "half", Ct);
        await File.WriteAllTextAsync(Path.Combine(Folder, "bench.csv.tmp-0123456789ab"), "half", Ct);
        ran.Clear();

        var (again, output, _) = await Bench(Request());

        Assert.Equal(0, again);
        Assert.Equal(["green", "blue"], ran);
        Assert.False(Directory.Exists(partial));
        Assert.Contains("removed " + partial, output);
        Assert.Empty(Directory.GetFiles(Folder, "*.tmp-*"));
        Assert.Equal(3, CsvRows().Length);
        Assert.Contains("[1/3] red (single-colour, single-colour): finished earlier", output);
    }

    [Fact]
    public async Task Execute_OtherSettingsOnTheSameFolder_FailsNamingWhatDiffersAndChangesNothing()
    {
        await Bench(Request());
        var before = Snapshot();
        ran.Clear();

        var (code, _, errors) = await Bench(Request(objectives: "single-colour,blue|red", rounds: 2));

        Assert.Equal(2, code);
        Assert.Empty(ran);
        Assert.Contains("holds a bench started with other settings", errors);
        Assert.Contains("--rounds: 1 in bench.json, 2 now", errors);
        Assert.Contains("objectives: 3 in bench.json, 4 now", errors);
        Assert.Equal(before, Snapshot());
    }

    [Theory]
    [InlineData("scratch", "--objectives family resnet18-k1: 'resnet18:layer1:k1:s1': ")]
    [InlineData("resnet18", "--estimator resnet18: ")]
    public void Plan_ModelFilesMissing_OneProblemNamingWhatNeedsThem(string estimator, string expected)
    {
        var empty = Directory.CreateDirectory(Path.Combine(scratch, "no-model")).FullName;
        var before = Environment.GetEnvironmentVariable(ResNet18Files.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ResNet18Files.EnvironmentVariable, empty);
            var request = Request("red,resnet18-k1");
            BenchRunner.Plan(request with { Loop = request.Loop with { Estimator = estimator } }, out var problems,
                out _);
            var problem = Assert.Single(problems);
            Assert.StartsWith(expected, problem);
            Assert.Contains(Path.Combine(empty, "ResNet18.onnx"), problem);
            BenchRunner.Plan(request with { Loop = request.Loop with { Estimator = "scratch" } } with
                { Objectives = "red" }, out var none, out _);
            Assert.Empty(none);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ResNet18Files.EnvironmentVariable, before);
        }
    }

    [Fact]
    public void Settings_ThreadsZero_StoredAsTheCoresAndComparedByWhatRuns()
    {
        var loop = Request().Loop;
        var cores = Environment.ProcessorCount;
        var automatic = BenchSettings.From(loop, 0);
        Assert.Equal(cores, automatic.Threads);
        // "--threads 0" and the explicit core count run the same way, so either resumes the other.
        Assert.Empty(automatic.Differences(BenchSettings.From(loop, cores)));
        // A folder from before counts were resolved stores 0, read as this machine's cores.
        Assert.Empty((automatic with { Threads = 0 }).Differences(BenchSettings.From(loop, cores)));
        Assert.Equal([$"--threads: {cores} in bench.json, {cores + 1} now"],
            automatic.Differences(BenchSettings.From(loop, cores + 1)));
    }

    [Fact]
    public async Task Execute_ObjectiveOrderDiffers_NamesTheFirstDifferentObjective()
    {
        await Bench(Request());

        var (code, _, errors) = await Bench(Request(objectives: "blue,green,red"));

        Assert.Equal(2, code);
        Assert.Contains("objective 1: 'red' (single-colour, single-colour) in bench.json, 'blue' (custom, blue) now",
            errors);
    }

    [Fact]
    public async Task Execute_RunFolderWithFilesButNoSummary_FailsWithoutTouchingIt()
    {
        await Bench(Request());
        var summary = Path.Combine(Folder, "objectives", "02-green", "summary.json");
        File.Move(summary, summary + ".moved");
        ran.Clear();

        var (code, _, errors) = await Bench(Request());

        Assert.Equal(2, code);
        Assert.Empty(ran);
        Assert.Contains("objective 2 ('green')", errors);
        Assert.Contains("holds files but no summary.json", errors);
        Assert.True(File.Exists(summary + ".moved"));
    }

    [Fact]
    public async Task Execute_BenchJsonDamaged_FailsNamingItAndKeepsEverything()
    {
        await Bench(Request());
        var manifest = Path.Combine(Folder, "bench.json");
        await File.WriteAllTextAsync(manifest, "{\"format\": 1, \"settings\": ", Ct);
        var before = Snapshot();
        ran.Clear();

        var (code, _, errors) = await Bench(Request());

        Assert.Equal(2, code);
        Assert.Empty(ran);
        Assert.Contains(manifest + " is not a readable bench manifest", errors);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Execute_FolderThatIsNoBench_FailsBeforeAnyWork()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(Path.Combine(Folder, "notes.txt"), "mine", Ct);

        var (code, _, errors) = await Bench(Request());

        Assert.Equal(2, code);
        Assert.Empty(ran);
        Assert.Contains("no bench.json, so it is not a bench folder", errors);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(Folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Execute_UnknownFamilyAndBadPreset_ReportsBothBeforeAnyWork()
    {
        var (code, _, errors) = await Bench(Request(objectives: "colors", preset: "huge"));

        Assert.Equal(2, code);
        Assert.Empty(ran);
        Assert.Contains("'colors' is neither a family", errors);
        Assert.Contains("unknown preset 'huge'", errors);
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public async Task Execute_ObjectivesFileWithDuplicates_NotesThemAndRunsEachOnce()
    {
        var file = Path.Combine(scratch, "objectives.txt");
        await File.WriteAllTextAsync(file, "# two of my own\nred|green\n\nblue # again\n", Ct);

        var (code, output, _) = await Bench(Request(objectives: "blue") with { ObjectivesFile = file });

        Assert.Equal(0, code);
        Assert.Equal(["blue", "red|green"], ran);
        Assert.Contains("note: 'blue' from --file " + file + ", line 4 is already listed", output);
        Assert.True(File.Exists(Path.Combine(Folder, "objectives", "02-red_green", "summary.json")));
    }

    [Fact]
    public async Task Execute_ObjectiveFails_StopsWithItsCodeKeepingTheFinishedOnes()
    {
        Task<int> FailSecond(RunSettings run, TextWriter o, TextWriter e, CancellationToken ct) =>
            ran.Count == 1 ? Task.FromResult(1) : FakeRun(run, o, e, ct);

        var (code, _, errors) = await Bench(Request(), FailSecond);

        Assert.Equal(1, code);
        Assert.Contains("objective 2 ('green') failed (exit code 1)", errors);
        Assert.Single(CsvRows());
    }

    [Fact]
    public async Task Execute_NoCache_AppliesOnlyToTheFirstObjectiveRun()
    {
        var noCache = new List<bool>();
        Task<int> Record(RunSettings run, TextWriter o, TextWriter e, CancellationToken ct)
        {
            noCache.Add(run.Loop.NoCache);
            return FakeRun(run, o, e, ct);
        }

        var request = Request();
        await Bench(request with { Loop = request.Loop with { NoCache = true } }, Record);

        Assert.Equal([true, false, false], noCache);
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => f, f => Convert.ToHexString(File.ReadAllBytes(f)) + File.GetLastWriteTimeUtc(f)
                .ToString("O", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(new[] { 900.0 }, 900.0)]
    [InlineData(new[] { 900.0, 300.0, 330.0 }, 315.0)]
    public void SecondsPerObjective_LeavesOutTheFirstOnceThereAreOthers(double[] seconds, double expected)
    {
        Assert.Equal(expected, BenchRunner.SecondsPerObjective(seconds), 9);
    }
}
