using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PirMesh.Contracts;
using PirMesh.Host.Reporting;
using PirMesh.Imaging;
using PirMesh.Learning.Training;
using PirMesh.ServiceDefaults;
using PirMesh.Storage;
using TestResult = PirMesh.Contracts.TestResult;

namespace PirMesh.Services.Tests;

public sealed class ReportWriterTests : IDisposable
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Guid LoopId = Guid.Parse("0b7c2d6e-5a43-4f3e-9d1a-2f6c8e4b1a90");

    private static readonly RunFacts Facts =
        new(3, "CPU", 754.2, 1843.5, new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));

    // Round 1's headline: a large, certain rise; round 2 changes nothing; together a rise against the original.
    private static readonly TestResult Round1True = Test(0.512, 0.601, 0.089, 1.23, 9.71, 37.26, 0, true);
    private static readonly TestResult Round1Observed = Test(0.515, 0.598, 0.083, 1.02, 8.12, 37.9, 2.5e-9, true);
    private static readonly TestResult Round2True = Test(0.601, 0.603, 0.002, 0.04, 0.83, 37.8, 0.41, false);
    private static readonly TestResult Round2Observed = Test(0.598, 0.606, 0.008, 0.11, 1.1, 37.7, 0.28, false);
    private static readonly TestResult OverallTrue = Test(0.512, 0.603, 0.091, 1.3, 10.2, 36.4, 3.2e-45, true);

    private readonly string root =
        Path.Combine(Path.GetTempPath(), "pirmesh-report-test-" + Guid.NewGuid().ToString("N"));

    private readonly LocalFolderBlobStore store;

    public ReportWriterTests()
    {
        Directory.CreateDirectory(root);
        store = new LocalFolderBlobStore(Path.Combine(root, "store"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Output => Path.Combine(root, "runs", "nested", "report");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task WriteAsync_CompletedLoop_SummaryHasCamelCaseFieldsWithTheLoopsNumbers()
    {
        var loop = await BuildLoopAsync(knowTruth: true);

        await new ReportWriter(store).WriteAsync(loop, Facts with { PeakResidentMegabytes = double.NaN }, Output, Ct);

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(Output, "summary.json"), Ct));
        var top = json.RootElement;
        Assert.Equal("smoke", top.GetProperty("preset").GetString());
        Assert.Equal("blue", top.GetProperty("objective").GetString());
        Assert.Equal(7, top.GetProperty("seed").GetInt64());
        Assert.Equal(3, top.GetProperty("threads").GetInt32());
        Assert.Equal("CPU", top.GetProperty("device").GetString());
        Assert.Equal("discriminator", top.GetProperty("estimatorBackbone").GetString());
        Assert.Equal("data/landscapes", top.GetProperty("dataDirectory").GetString());
        Assert.Equal(40, top.GetProperty("imagesPerRound").GetInt32());
        Assert.Equal(20, top.GetProperty("evaluationImages").GetInt32());
        Assert.Equal(100, top.GetProperty("impressionsPerImage").GetInt32());
        Assert.Equal(2, top.GetProperty("roundCount").GetInt32());
        Assert.Equal(Facts.StartedAt, top.GetProperty("startedAt").GetDateTimeOffset());

        var pretraining = top.GetProperty("pretraining");
        Assert.False(pretraining.GetProperty("fromCache").GetBoolean());
        Assert.Equal(321.5, pretraining.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(loop.Pretraining.Generator.Key, pretraining.GetProperty("checkpoint").GetString());

        // Speeds average over distinct batches: round 2's before-batch is round 1's after-batch.
        var performance = top.GetProperty("performance");
        Assert.Equal((0.25 + 0.5) / 2, performance.GetProperty("secondsPerTuningStep").GetDouble(), 12);
        Assert.Equal((100.0 + 110 + 120 + 200 + 220) / 5,
            performance.GetProperty("samplingImagesPerSecond").GetDouble(), 12);
        Assert.Equal((1000.0 + 1100 + 1200 + 2000 + 2200) / 5,
            performance.GetProperty("scoringImagesPerSecond").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, performance.GetProperty("peakResidentMegabytes").ValueKind);
        Assert.Equal(754.2, performance.GetProperty("totalSeconds").GetDouble());

        var first = top.GetProperty("rounds")[0];
        Assert.Equal(1, first.GetProperty("round").GetInt32());
        Assert.Equal("true", first.GetProperty("basis").GetString());
        Assert.Equal(Round1True.ChangeInMeanPir, first.GetProperty("changeInMeanPir").GetDouble());
        Assert.Equal(Round1True.CohensD, first.GetProperty("cohensD").GetDouble());
        Assert.Equal(Round1True.WelchT, first.GetProperty("welchT").GetDouble());
        Assert.Equal(Round1True.WelchDf, first.GetProperty("welchDf").GetDouble());
        Assert.Equal(0, first.GetProperty("pValue").GetDouble());
        Assert.True(first.GetProperty("significant").GetBoolean());
        Assert.Equal(Round1Observed.ChangeInMeanPir,
            first.GetProperty("observed").GetProperty("changeInMeanPir").GetDouble());
        Assert.Equal(Round1Observed.PValue, first.GetProperty("observed").GetProperty("pValue").GetDouble());
        Assert.Equal(Round1True.WelchDf, first.GetProperty("true").GetProperty("welchDf").GetDouble());
        Assert.Equal(0.512, first.GetProperty("before").GetProperty("true").GetProperty("meanPir").GetDouble());
        Assert.Equal(0.598, first.GetProperty("after").GetProperty("observed").GetProperty("meanPir").GetDouble());
        Assert.Equal(20, first.GetProperty("after").GetProperty("observed").GetProperty("n").GetInt32());
        Assert.Equal(0.05, first.GetProperty("before").GetProperty("true").GetProperty("sdPir").GetDouble());
        Assert.Equal(0.5, first.GetProperty("estimatedBefore").GetDouble());
        Assert.Equal(0.625, first.GetProperty("estimatedAfter").GetDouble());
        Assert.Equal(0.125, first.GetProperty("estimatedChange").GetDouble());
        Assert.Equal(0.0421, first.GetProperty("estimator").GetProperty("valMae").GetDouble());
        Assert.Equal(0.83, first.GetProperty("estimator").GetProperty("valPearson").GetDouble());
        Assert.Equal(32, first.GetProperty("estimator").GetProperty("trainCount").GetInt32());
        Assert.Equal(8, first.GetProperty("estimator").GetProperty("validationCount").GetInt32());
        Assert.Equal(0.44, first.GetProperty("training").GetProperty("meanObservedPir").GetDouble());
        Assert.Equal(0.45, first.GetProperty("training").GetProperty("meanTruePir").GetDouble());
        var spread = first.GetProperty("training").GetProperty("spread");
        Assert.Equal("true", spread.GetProperty("basis").GetString());
        Assert.Equal(0.0123, spread.GetProperty("sdPir").GetDouble(), 12);
        Assert.Equal(0.95, spread.GetProperty("nonZeroShare").GetDouble(), 12);
        Assert.Equal(0.01, spread.GetProperty("zeroBelow").GetDouble());
        var initial = top.GetProperty("initialSpread");
        Assert.Equal(0.0123, initial.GetProperty("sdPir").GetDouble(), 12);
        Assert.Equal(0.95, initial.GetProperty("nonZeroShare").GetDouble(), 12);
        Assert.Equal(0.0223, top.GetProperty("rounds")[1].GetProperty("training").GetProperty("spread")
            .GetProperty("sdPir").GetDouble(), 12);
        Assert.Equal(0, top.GetProperty("caveats").GetArrayLength());
        var durations = first.GetProperty("durationsSeconds");
        Assert.Equal(1.5 + 2.5, durations.GetProperty("sampling").GetDouble());
        Assert.Equal(3.5 + 4.5, durations.GetProperty("interactions").GetDouble());
        Assert.Equal(60, durations.GetProperty("estimatorTraining").GetDouble());
        Assert.Equal(90, durations.GetProperty("tuning").GetDouble());
        Assert.Equal(0.75, durations.GetProperty("statistics").GetDouble());
        Assert.Equal(0.25, first.GetProperty("secondsPerTuningStep").GetDouble());
        Assert.Equal("pir-histogram-round1.png",
            first.GetProperty("artifacts").GetProperty("pirHistogram").GetString());

        var second = top.GetProperty("rounds")[1];
        Assert.False(second.GetProperty("significant").GetBoolean());
        var overall = second.GetProperty("versusOriginal");
        Assert.Equal("true", overall.GetProperty("basis").GetString());
        Assert.Equal(OverallTrue.ChangeInMeanPir, overall.GetProperty("changeInMeanPir").GetDouble());
        Assert.Equal(OverallTrue.PValue, overall.GetProperty("pValue").GetDouble());
        Assert.True(overall.GetProperty("significant").GetBoolean());
        Assert.Equal(OverallTrue.CohensD, overall.GetProperty("true").GetProperty("cohensD").GetDouble());
    }

    [Fact]
    public async Task WriteAsync_CompletedLoop_ReportStatesEachVerdictWithItsNumbers()
    {
        var loop = await BuildLoopAsync(knowTruth: true);

        await new ReportWriter(store).WriteAsync(loop, Facts, Output, Ct);

        var report = await File.ReadAllTextAsync(Path.Combine(Output, "report.md"), Ct);
        Assert.Contains("## Verdict", report);
        Assert.Contains("Round 1 raised the true mean PIR from 0.512 to 0.601 (+0.089, Cohen's d = 1.23, "
            + "p < 1e-300): significant at α = 0.001.", report);
        Assert.Contains("Round 2 did not significantly change the true mean PIR (0.601 before, 0.603 after; "
            + "+0.002, Cohen's d = 0.04, p = 0.41): not significant at α = 0.001.", report);
        Assert.Contains("Overall, compared with the original generator, 2 rounds of tuning raised the true mean "
            + "PIR from 0.512 to 0.603 (+0.091, Cohen's d = 1.30, p = 3.2e-45): significant at α = 0.001.", report);
        Assert.Contains(
            "| vs round start | true | 0.5120 | 0.6010 | +0.0890 | 1.23 | 9.71 | 37.3 | < 1e-300 | yes |", report);
        Assert.Contains(
            "| vs round start | observed | 0.5150 | 0.5980 | +0.0830 | 1.02 | 8.12 | 37.9 | 2.5e-9 | yes |", report);
        Assert.Contains("validation MAE 0.0421, Pearson r = 0.830", report);
        Assert.Contains("**The objective's initial spread** (round 1's training batch, from the original generator): "
            + "SD of true PIR 0.0123, non-zero share 95.0% (true PIR ≥ 0.01).", report);
        Assert.Contains("mean true PIR 0.4500; SD of true PIR 0.0223, non-zero share 97.5% (true PIR ≥ 0.01).",
            report);
        Assert.DoesNotContain("Caveat", report);
        Assert.Contains("estimated mean PIR 0.5000 before tuning, 0.6250 after (+0.1250)", report);
        Assert.Contains("preset `smoke`", report);
        Assert.Contains("seed 7", report);
        Assert.Contains("backbone `discriminator`", report);
        Assert.Contains("`data/landscapes`", report);
        Assert.Contains("40 new images × 100 impressions", report);
        Assert.Contains("The GAN was pretrained in this run, not taken from the cache.", report);
        Assert.Contains("**Cohen's d**", report);
        Assert.Contains("**Welch's t-test**", report);
        Assert.Contains("](samples-round1-before.png)", report);
        Assert.Contains("](pir-histogram-round2.png)", report);
        Assert.Contains("](losses-pretraining.png)", report);
        Assert.Contains("## Timings and performance", report);
        Assert.Contains("Total wall time: 754.2 s on CPU with 3 threads", report);
    }

    [Fact]
    public async Task WriteAsync_CompletedLoop_WritesEveryPngAndCopiesThePreviews()
    {
        var loop = await BuildLoopAsync(knowTruth: true);

        await new ReportWriter(store).WriteAsync(loop, Facts, Output, Ct);

        string[] expected =
        [
            "losses-pretraining.png",
            "samples-round1-before.png", "samples-round1-after.png", "pir-histogram-round1.png",
            "losses-tuning-round1.png", "losses-estimator-round1.png",
            "samples-round2-before.png", "samples-round2-after.png", "pir-histogram-round2.png",
            "losses-tuning-round2.png", "losses-estimator-round2.png",
        ];
        foreach (var name in expected)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(Output, name), Ct);
            Assert.True(bytes.AsSpan().StartsWith(PngMagic), $"{name} does not start with the PNG signature");
        }

        Assert.Equal(await store.GetAsync(loop.Rounds[1].AfterSamples.Preview, Ct),
            await File.ReadAllBytesAsync(Path.Combine(Output, "samples-round2-after.png"), Ct));
        Assert.Equal(expected.Length + 2, Directory.GetFiles(Output).Length);
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(Output)!, "*.partial-*"));
    }

    [Fact]
    public async Task WriteAsync_OutputFolderHoldsFiles_ThrowsAndLeavesThemUntouched()
    {
        var loop = await BuildLoopAsync(knowTruth: true);
        Directory.CreateDirectory(Output);
        var earlier = Path.Combine(Output, "summary.json");
        await File.WriteAllTextAsync(earlier, "{\"earlier\": true}", Ct);

        var error = await Assert.ThrowsAsync<IOException>(
            () => new ReportWriter(store).WriteAsync(loop, Facts, Output, Ct));

        Assert.Contains(Output, error.Message);
        Assert.Equal("{\"earlier\": true}", await File.ReadAllTextAsync(earlier, Ct));
        Assert.Single(Directory.GetFileSystemEntries(Output));
        Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(Output)!));
    }

    [Fact]
    public async Task WriteAsync_OutputFolderExistsEmpty_WritesIntoIt()
    {
        var loop = await BuildLoopAsync(knowTruth: true);
        Directory.CreateDirectory(Output);

        await new ReportWriter(store).WriteAsync(loop, Facts, Output + Path.DirectorySeparatorChar, Ct);

        Assert.True(File.Exists(Path.Combine(Output, "report.md")));
        Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(Output)!));
    }

    [Fact]
    public async Task WriteAsync_BlobMissing_ThrowsAndLeavesNoFolderBehind()
    {
        var loop = await BuildLoopAsync(knowTruth: true);
        var missing = new BlobRef("image-preview/" + new string('0', 64), new string('0', 64), 10);
        var broken = loop with
        {
            Rounds = [loop.Rounds[0] with { AfterSamples = loop.Rounds[0].AfterSamples with { Preview = missing } }],
        };

        await Assert.ThrowsAsync<BlobNotFoundException>(
            () => new ReportWriter(store).WriteAsync(broken, Facts, Output, Ct));

        Assert.False(Directory.Exists(Output));
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(Output)!));
    }

    [Fact]
    public async Task WriteAsync_SameLoopTwice_SummariesDifferOnlyInStartTimeAndPerformance()
    {
        var loop = await BuildLoopAsync(knowTruth: true);
        var again = Facts with
        {
            TotalSeconds = 99, PeakResidentMegabytes = 12, StartedAt = Facts.StartedAt.AddHours(1),
        };
        var secondOutput = Path.Combine(root, "runs", "second");

        await new ReportWriter(store).WriteAsync(loop, Facts, Output, Ct);
        await new ReportWriter(store).WriteAsync(loop, again, secondOutput, Ct);

        var first = await ReadSummaryAsync(Output);
        var second = await ReadSummaryAsync(secondOutput);
        Assert.False(JsonNode.DeepEquals(first, second));
        foreach (var varying in new[] { "startedAt", "performance" })
        {
            first.Remove(varying);
            second.Remove(varying);
        }

        Assert.True(JsonNode.DeepEquals(first, second));
    }

    [Fact]
    public async Task WriteAsync_TruePirUnknown_UsesObservedBasisAndWritesNaNAsNull()
    {
        var loop = await BuildLoopAsync(knowTruth: false);

        await new ReportWriter(store).WriteAsync(loop, Facts, Output, Ct);

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(Output, "summary.json"), Ct));
        var first = json.RootElement.GetProperty("rounds")[0];
        Assert.Equal("observed", first.GetProperty("basis").GetString());
        Assert.Equal(Round1Observed.ChangeInMeanPir, first.GetProperty("changeInMeanPir").GetDouble());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("true").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("before").GetProperty("true").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("training").GetProperty("meanTruePir").ValueKind);
        Assert.Equal("observed", json.RootElement.GetProperty("initialSpread").GetProperty("basis").GetString());
        var second = json.RootElement.GetProperty("rounds")[1];
        Assert.Equal(JsonValueKind.Null, second.GetProperty("cohensD").ValueKind);

        var report = await File.ReadAllTextAsync(Path.Combine(Output, "report.md"), Ct);
        Assert.Contains("Round 1 raised the observed mean PIR from 0.515 to 0.598 (+0.083, Cohen's d = 1.02, "
            + "p = 2.5e-9): significant at α = 0.001.", report);
        Assert.Contains("Cohen's d = n/a", report);
        Assert.Contains("SD of observed PIR 0.0123, non-zero share 95.0% (observed PIR ≥ 0.01). ", report);
        Assert.Contains("The users' true PIRs are not known, so these numbers use observed PIRs", report);
        Assert.DoesNotContain("| true |", report);
        Assert.True(File.Exists(Path.Combine(Output, "pir-histogram-round1.png")));
    }

    [Fact]
    public async Task WriteAsync_ResNetObjectiveAndResNetEstimator_SaysBothUseTheSameNetwork()
    {
        var loop = await BuildLoopAsync(knowTruth: true);
        var resnet = loop with
        {
            Settings = loop.Settings with { Objective = "resnet18:layer3:k1:s1", Estimator = "resnet18" },
        };

        await new ReportWriter(store).WriteAsync(resnet, Facts, Output, Ct);

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(Output, "summary.json"), Ct));
        var caveat = Assert.Single(json.RootElement.GetProperty("caveats").EnumerateArray()).GetString();
        Assert.Equal(SharedNetworkCaveat.For("resnet18:layer3:k1:s1", "resnet18"), caveat);
        Assert.Contains("the same pretrained network (ResNet-18)", caveat);
        var report = await File.ReadAllTextAsync(Path.Combine(Output, "report.md"), Ct);
        Assert.Contains("> **Caveat.** " + caveat, report);
        Assert.Contains("## Verdict", report);
        Assert.Contains("**Caveat.** " + caveat, report[report.IndexOf("## Verdict", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task WriteAsync_SparseFirstBatch_AddsTheSparseCaveatAfterTheSharedNetworkOne()
    {
        var loop = await BuildLoopAsync(knowTruth: true);
        var first = loop.Rounds[0];
        var sparse = new PirSpread("true", 0.0048, 0.02, 0.01);
        var resnet = loop with
        {
            Settings = loop.Settings with { Objective = "resnet18:layer3:k1:s1", Estimator = "resnet18" },
            Rounds = [first with { TrainingInteractions = first.TrainingInteractions with { Spread = sparse } },
                .. loop.Rounds.Skip(1)],
        };

        await new ReportWriter(store).WriteAsync(resnet, Facts, Output, Ct);

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(Output, "summary.json"), Ct));
        var caveats = json.RootElement.GetProperty("caveats").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal([SharedNetworkCaveat.For("resnet18:layer3:k1:s1", "resnet18"), SparseSignalCaveat.For(sparse)],
            caveats);
        Assert.Contains("only 2.0% of round 1's training images", caveats[1]);
        var report = await File.ReadAllTextAsync(Path.Combine(Output, "report.md"), Ct);
        Assert.Contains("> **Caveat.** " + caveats[1], report);
    }

    private static async Task<JsonObject> ReadSummaryAsync(string folder) =>
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "summary.json"), Ct))!.AsObject();

    private static TestResult Test(double before, double after, double change, double d, double t, double df,
        double p, bool significant) =>
        new(new PirSummary(before, 0.05, 20), new PirSummary(after, 0.05, 20), change, d, t, df, p, significant);

    /// <summary>
    /// A two-round loop whose every blob is really in the store. Round 2 starts from round 1's after-batch, as in
    /// the coordinator. Without the truth, no table has true PIRs and round 2's observed d is NaN.
    /// </summary>
    private async Task<LoopCompleted> BuildLoopAsync(bool knowTruth)
    {
        var original = await TableAsync(0.50, knowTruth);
        var afterFirst = await TableAsync(0.60, knowTruth);
        var afterSecond = await TableAsync(0.61, knowTruth);
        var originalSamples = await SamplesAsync(1, SamplePurpose.Evaluation, 10, 100, 0.5);
        var originalInteractions = Interactions(1, SamplePurpose.Evaluation, original, 1000, 0.5);

        var first = await RoundAsync(1, originalSamples, originalInteractions, afterFirst,
            new RoundEvaluated(LoopId, 1,
                Compare(original, afterFirst, Round1Observed, knowTruth ? Round1True : null, 0.5, 0.625),
                Compare(original, afterFirst, Round1Observed, knowTruth ? Round1True : null, null, null), 0.75),
            knowTruth, imagesPerSecond: (110, 120), stepSeconds: 0.25);
        var secondObserved = knowTruth ? Round2Observed : Round2Observed with { CohensD = double.NaN };
        var second = await RoundAsync(2, first.AfterSamples, first.AfterInteractions, afterSecond,
            new RoundEvaluated(LoopId, 2,
                Compare(afterFirst, afterSecond, secondObserved, knowTruth ? Round2True : null, 0.6, 0.7),
                Compare(original, afterSecond, Round2Observed, knowTruth ? OverallTrue : null, null, null), 0.5),
            knowTruth, imagesPerSecond: (200, 220), stepSeconds: 0.5);

        var settings = new LoopSettings
        {
            Preset = "smoke", Objective = "blue", Rounds = 2, ImagesPerRound = 40, EvaluationImages = 20,
            ImpressionsPerImage = 100, Seed = 7, DataDirectory = "data/landscapes", Estimator = "discriminator",
        };
        var pretraining = new PretrainOutcome(await PutAsync("weights", "generator"u8.ToArray()), false,
            await LossesAsync(["generator", "discriminator", "d_real_class"]), 321.5);
        return new LoopCompleted(LoopId, settings, [first, second], pretraining);
    }

    private async Task<RoundOutcome> RoundAsync(int round, SamplesGenerated before,
        InteractionsCollected beforeInteractions, BlobRef afterTable, RoundEvaluated evaluation, bool knowTruth,
        (double Training, double After) imagesPerSecond, double stepSeconds)
    {
        var trainingTable = await TableAsync(0.45, knowTruth);
        return new RoundOutcome
        {
            Round = round,
            Evaluation = evaluation,
            Estimator = new EstimatorTrained(LoopId, round, await PutAsync("weights", [(byte)round, 1]), 32, 8,
                0.0421, 0.83, await LossesAsync(["train_cross_entropy", "validation_mae"]), 60),
            Tuning = new GeneratorTuned(LoopId, round, await PutAsync("weights", [(byte)round, 2]),
                evaluation.VersusRoundStart.EstimatedBefore!.Value, evaluation.VersusRoundStart.EstimatedAfter!.Value,
                stepSeconds, await LossesAsync(["generator", "discriminator", "d_real_class", "estimated_pir"]), 90),
            TrainingSamples = await SamplesAsync(round, SamplePurpose.Training, 1.5, imagesPerSecond.Training, 0.2),
            TrainingInteractions = Interactions(round, SamplePurpose.Training, trainingTable,
                10 * imagesPerSecond.Training, 3.5, knowTruth ? 0.45 : null),
            BeforeSamples = before,
            BeforeInteractions = beforeInteractions,
            AfterSamples = await SamplesAsync(round, SamplePurpose.Evaluation, 2.5, imagesPerSecond.After,
                0.7 + 0.1 * round),
            AfterInteractions = Interactions(round, SamplePurpose.Evaluation, afterTable,
                10 * imagesPerSecond.After, 4.5),
        };
    }

    private static Comparison Compare(BlobRef before, BlobRef after, TestResult observed, TestResult? truth,
        double? estimatedBefore, double? estimatedAfter) =>
        new(before, after, observed, truth, estimatedBefore, estimatedAfter);

    private async Task<SamplesGenerated> SamplesAsync(int round, SamplePurpose purpose, double seconds,
        double imagesPerSecond, double brightness)
    {
        var batch = await PutAsync("image-batch", Encoding.UTF8.GetBytes($"batch {round} {purpose} {brightness}"));
        return new SamplesGenerated(LoopId, round, purpose, batch, 20, await PreviewAsync(brightness),
            imagesPerSecond, seconds);
    }

    /// <summary>Round 1's spread is SD 0.0123 with 95% non-zero, round 2's SD 0.0223 with 97.5%.</summary>
    private static InteractionsCollected Interactions(int round, SamplePurpose purpose, BlobRef table,
        double imagesPerSecond, double seconds, double? meanTrue = null) =>
        new(LoopId, round, purpose, table, table, 20, purpose == SamplePurpose.Training ? 0.44 : 0.5, meanTrue,
            imagesPerSecond, seconds,
            new PirSpread(meanTrue is null ? "observed" : "true", 0.0023 + 0.01 * round, 1 - 0.05 / round, 0.01));

    private async Task<BlobRef> TableAsync(double centre, bool knowTruth)
    {
        var rows = Enumerable.Range(0, 20)
            .Select(i => centre + (i - 10) * 0.004)
            .Select(p => new Interaction(100, (int)Math.Round(p * 100), knowTruth ? p : null))
            .ToList();
        return await PutAsync("interactions", new InteractionTable(rows).ToCsv());
    }

    private async Task<BlobRef> PreviewAsync(double brightness)
    {
        var pixels = Enumerable.Repeat((byte)(brightness * 255), 4 * 3 * 6 * 6).ToArray();
        var batch = new ImageBatch(4, 3, 6, 6, [0, 0, 1, 1], pixels);
        return await PutAsync("image-preview", PngWriter.GridByClass(batch, ["a", "b"]));
    }

    private async Task<BlobRef> LossesAsync(string[] columns)
    {
        var history = new LossHistory(columns);
        for (var step = 0; step < 5; step++)
        {
            history.Add(step * 10, columns.Select((_, c) => 1.0 / (step + 1) + c * 0.1).ToArray());
        }

        return await PutAsync("losses", Encoding.UTF8.GetBytes(history.ToCsv()));
    }

    private Task<BlobRef> PutAsync(string kind, byte[] content) => store.StoreAsync(kind, content, Ct);
}
