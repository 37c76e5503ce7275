using PirMesh.Contracts;
using PirMesh.Host.Cli;
using PirMesh.Learning.Pretrained;

namespace PirMesh.Services.Tests;

public sealed class RunValidationTests : IDisposable
{
    private readonly TestPhotos photos = new(perClass: 2);
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "pirmesh-cli-" + Guid.NewGuid().ToString("N"));

    public RunValidationTests() => Directory.CreateDirectory(scratch);

    public void Dispose()
    {
        photos.Dispose();
        Directory.Delete(scratch, recursive: true);
    }

    private RunSettings Run(Func<LoopSettings, LoopSettings>? change = null, string? output = null)
    {
        var loop = new LoopSettings
        {
            Preset = "smoke", Objective = "blue", DataDirectory = photos.Directory, ClassMapFile = photos.ClassMapFile,
        };
        return new RunSettings(change?.Invoke(loop) ?? loop, output ?? Path.Combine(scratch, "out"),
            Path.Combine(scratch, "store"), 1);
    }

    private static async Task<(int Code, string Errors)> Execute(RunSettings run)
    {
        var errors = new StringWriter();
        var code = await RunLoop.ExecuteAsync(run, TextWriter.Null, errors, TestContext.Current.CancellationToken);
        return (code, errors.ToString());
    }

    [Fact]
    public void Validate_GoodSettings_FindsNoProblem()
    {
        Assert.Empty(RunValidator.Validate(Run()));
    }

    [Fact]
    public async Task Execute_UnreadableImageInData_FailsNamingTheFile()
    {
        await File.WriteAllBytesAsync(Path.Combine(photos.Directory, "mountain9.jpg"), [1, 2, 3, 4, 5, 6, 7, 8],
            TestContext.Current.CancellationToken);
        var (code, errors) = await Execute(Run());
        Assert.Equal(2, code);
        Assert.Contains("mountain9.jpg", errors);
        Assert.Contains("--data", errors);
    }

    [Fact]
    public async Task Execute_EmptyFolder_FailsSayingThereAreNoPhotos()
    {
        var empty = Directory.CreateDirectory(Path.Combine(scratch, "empty")).FullName;
        var (code, errors) = await Execute(Run(l => l with { DataDirectory = empty, ClassMapFile = null }));
        Assert.Equal(2, code);
        Assert.Contains("no JPEG or PNG photos", errors);
    }

    [Fact]
    public async Task Execute_MissingFolder_FailsNamingIt()
    {
        var missing = Path.Combine(scratch, "nowhere");
        var (code, errors) = await Execute(Run(l => l with { DataDirectory = missing, ClassMapFile = null }));
        Assert.Equal(2, code);
        Assert.Contains(missing, errors);
    }

    [Theory]
    [InlineData("purple")]
    [InlineData("red|")]
    [InlineData("red|green|blue|red")]
    public async Task Execute_ObjectiveThatDoesNotParse_FailsNamingTheFlag(string objective)
    {
        var (code, errors) = await Execute(Run(l => l with { Objective = objective }));
        Assert.Equal(2, code);
        Assert.Contains("--objective", errors);
        Assert.Contains(objective, errors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Execute_ImpressionsNotPositive_FailsNamingTheFlag(int impressions)
    {
        var (code, errors) = await Execute(Run(l => l with { ImpressionsPerImage = impressions }));
        Assert.Equal(2, code);
        Assert.Contains("--impressions must be greater than zero", errors);
    }

    [Fact]
    public async Task Execute_OutputFolderWithEarlierResults_FailsAndLeavesThemIntact()
    {
        var output = Directory.CreateDirectory(Path.Combine(scratch, "earlier")).FullName;
        var summary = Path.Combine(output, "summary.json");
        await File.WriteAllTextAsync(summary, "{\"earlier\": true}", TestContext.Current.CancellationToken);

        var (code, errors) = await Execute(Run(output: output));

        Assert.Equal(2, code);
        Assert.Contains("already exists", errors);
        Assert.Equal("{\"earlier\": true}",
            await File.ReadAllTextAsync(summary, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Execute_UnknownPresetAndEstimator_ReportsBoth()
    {
        var (code, errors) = await Execute(Run(l => l with { Preset = "huge", Estimator = "vgg" }));
        Assert.Equal(2, code);
        Assert.Contains("unknown preset 'huge'", errors);
        Assert.Contains("unknown backbone 'vgg'", errors);
    }

    [Fact]
    public void Validate_OutputOrStoreWhereNothingCanBeWritten_NamesTheFlag()
    {
        // /proc accepts no new files, not even from root: the run must stop before its work, not when saving.
        var output = "/proc/pirmesh-out-" + Guid.NewGuid().ToString("N");
        var problems = RunValidator.Validate(Run(output: output));
        Assert.Contains(problems, p => p.StartsWith($"--out: {output} cannot be written: ", StringComparison.Ordinal));
        var store = "/proc/pirmesh-store-" + Guid.NewGuid().ToString("N");
        var loopProblems = RunValidator.ValidateLoop(Run().Loop, store, 1);
        Assert.Contains(loopProblems,
            p => p.StartsWith($"--store: {store} cannot be written: ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(output) || Directory.Exists(store));
    }

    [Fact]
    public void Validate_NegativeSeed_NamesTheFlag()
    {
        Assert.Contains("--seed must be 0 or more, got -1", RunValidator.Validate(Run(l => l with { Seed = -1 })));
    }

    [Fact]
    public async Task Execute_OutputIsAFile_FailsBeforeAnyWork()
    {
        var file = Path.Combine(scratch, "taken.txt");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);
        var (code, errors) = await Execute(Run(output: file));
        Assert.Equal(2, code);
        Assert.Contains("is a file", errors);
        var (nestedCode, nestedErrors) = await Execute(Run(output: Path.Combine(file, "sub")));
        Assert.Equal(2, nestedCode);
        Assert.Contains("cannot be created because", nestedErrors);
    }

    [Fact]
    public async Task Execute_TooManyImagesOrEmptyData_FailsNamingTheFlag()
    {
        var (code, errors) = await Execute(Run(l => l with { ImagesPerRound = 100_000_000, DataDirectory = "" }));
        Assert.Equal(2, code);
        Assert.Contains("--images and --eval-images must be at most 100000", errors);
        Assert.Contains("--data must name a folder", errors);
    }

    [Theory]
    [InlineData("resnet18", "blue", "--estimator resnet18: ")]
    [InlineData("scratch", "resnet18:layer2:k20:s1", "--objective resnet18:layer2:k20:s1: ")]
    public void Validate_ModelFilesMissing_NamesTheOptionThatNeedsThem(string estimator, string objective,
        string expected)
    {
        var empty = Directory.CreateDirectory(Path.Combine(scratch, "no-model")).FullName;
        var before = Environment.GetEnvironmentVariable(ResNet18Files.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ResNet18Files.EnvironmentVariable, empty);
            var problem = Assert.Single(RunValidator.Validate(
                Run(l => l with { Estimator = estimator, Objective = objective })));
            Assert.StartsWith(expected, problem);
            Assert.Contains("ResNet18.onnx", problem);
            Assert.Empty(RunValidator.Validate(Run(l => l with { Estimator = "scratch" })));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ResNet18Files.EnvironmentVariable, before);
        }
    }

    [Fact]
    public void Validate_TruncatedModelFile_SaysItIsNotReadable()
    {
        var damaged = Directory.CreateDirectory(Path.Combine(scratch, "damaged-model")).FullName;
        foreach (var name in new[] { ResNet18Files.NetworkFileName, ResNet18Files.PreprocessFileName })
        {
            var bytes = File.ReadAllBytes(Path.Combine(ResNet18Files.Folder, name));
            File.WriteAllBytes(Path.Combine(damaged, name), name == ResNet18Files.NetworkFileName
                ? bytes[..(bytes.Length / 2)] : bytes);
        }
        var before = Environment.GetEnvironmentVariable(ResNet18Files.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ResNet18Files.EnvironmentVariable, damaged);
            var problem = Assert.Single(RunValidator.Validate(Run()));
            Assert.Contains("is not the one Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0 ships", problem);
            Assert.Contains(Path.Combine(damaged, ResNet18Files.NetworkFileName), problem);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ResNet18Files.EnvironmentVariable, before);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ModelFilesProblem_FlippedBytesOrSwappedFiles_AreFoundByTheirHash(bool swap)
    {
        var folder = Directory.CreateDirectory(Path.Combine(scratch, "altered-model")).FullName;
        var network = File.ReadAllBytes(Path.Combine(ResNet18Files.Folder, ResNet18Files.NetworkFileName));
        var preprocess = File.ReadAllBytes(Path.Combine(ResNet18Files.Folder, ResNet18Files.PreprocessFileName));
        if (!swap)
        {
            // The same size and still a parseable model: only the weights' bytes change.
            network.AsSpan(network.Length / 2, 24).Fill(0xFF);
        }
        File.WriteAllBytes(Path.Combine(folder, ResNet18Files.NetworkFileName), swap ? preprocess : network);
        File.WriteAllBytes(Path.Combine(folder, ResNet18Files.PreprocessFileName), swap ? network : preprocess);
        var problem = ResNet18Files.Problem(folder);
        Assert.NotNull(problem);
        Assert.Contains($"'{Path.Combine(folder, ResNet18Files.NetworkFileName)}'", problem);
        Assert.Contains($"expected {ResNet18Files.NetworkSha256}", problem);
        Assert.Null(ResNet18Files.Problem());
    }

    [Fact]
    public void Validate_UnknownPreset_ListsThePresetsWithoutDotNetDetails()
    {
        var problem = Assert.Single(RunValidator.Validate(Run(l => l with { Preset = "tiny" })));
        Assert.Equal("--preset: unknown preset 'tiny'; expected one of: smoke, cpu, paper", problem);
    }
}
