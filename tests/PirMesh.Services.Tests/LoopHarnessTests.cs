using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PirMesh.Contracts;
using PirMesh.Host.Hosting;
using PirMesh.ServiceDefaults;
using PirMesh.Storage;

namespace PirMesh.Services.Tests;

public sealed class LoopHarnessTests : IDisposable
{
    private readonly TestPhotos photos = new();
    private readonly string store = Path.Combine(Path.GetTempPath(), "pirmesh-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        photos.Dispose();
        if (Directory.Exists(store))
        {
            Directory.Delete(store, recursive: true);
        }
    }

    private LoopSettings Settings(int rounds = 1) => new()
    {
        Preset = "smoke",
        Objective = "blue",
        Rounds = rounds,
        ImagesPerRound = 40,
        EvaluationImages = 30,
        ImpressionsPerImage = 100,
        Seed = 7,
        DataDirectory = photos.Directory,
        ClassMapFile = photos.ClassMapFile,
    };

    private async Task<(ServiceProvider Provider, ITestHarness Harness)> StartAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Root"] = store,
            ["Compute:Threads"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPirMeshDefaults(configuration);
        services.AddSingleton<LoopOutcomes>();
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddAllPirMeshServices();
            bus.AddConsumer<LoopOutcomeConsumer>();
        });
        services.Configure<TestHarnessOptions>(o => o.TestTimeout = TimeSpan.FromMinutes(4));
        var provider = services.BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return (provider, harness);
    }

    [Fact]
    public async Task OneRound_InMemoryHarness_PublishesTheStepsInOrderAndEveryNamedBlobVerifies()
    {
        var (provider, harness) = await StartAsync();
        await using var _ = provider;
        var loopId = NewId.NextGuid();
        var outcome = provider.GetRequiredService<LoopOutcomes>().WaitAsync(loopId);

        await harness.Bus.Publish(new StartLoop(loopId, Settings()), TestContext.Current.CancellationToken);
        var result = await outcome.WaitAsync(TimeSpan.FromMinutes(4), TestContext.Current.CancellationToken);

        var completed = Assert.IsType<LoopCompleted>(result);
        var steps = harness.Published.Select<object>(TestContext.Current.CancellationToken)
            .Select(m => m.MessageType.Name).ToList();
        // The coordinator issues each command only after the event of the step before it, so the commands' order is
        // the loop's order. (An event and the command it triggers can be recorded by the harness in either order.)
        string[] commands =
        [
            nameof(PrepareGenerator), nameof(GenerateSamples), nameof(CollectInteractions),
            nameof(GenerateSamples), nameof(CollectInteractions), nameof(TrainEstimator), nameof(TuneGenerator),
            nameof(GenerateSamples), nameof(CollectInteractions), nameof(EvaluateRound),
        ];
        Assert.Equal(commands, steps.Where(s => commands.Contains(s)).ToArray());
        var events = new Dictionary<string, int>
        {
            [nameof(GeneratorReady)] = 1, [nameof(SamplesGenerated)] = 3, [nameof(InteractionsCollected)] = 3,
            [nameof(EstimatorTrained)] = 1, [nameof(GeneratorTuned)] = 1, [nameof(RoundEvaluated)] = 1,
            [nameof(LoopCompleted)] = 1,
        };
        foreach (var (name, count) in events)
        {
            Assert.True(steps.Count(s => s == name) == count, $"{name}: {steps.Count(s => s == name)} of {count}");
        }
        Assert.Equal(nameof(LoopCompleted), steps.Last(s => commands.Contains(s) || events.ContainsKey(s)));
        Assert.DoesNotContain(nameof(LoopFaulted), steps);

        var blobs = provider.GetRequiredService<IBlobStore>();
        var round = Assert.Single(completed.Rounds);
        BlobRef[] named =
        [
            completed.Pretraining.Generator, round.TrainingSamples.Batch, round.TrainingSamples.Preview,
            round.TrainingInteractions.Interactions, round.Estimator.Estimator, round.Estimator.LossHistory,
            round.Tuning.Generator, round.Tuning.LossHistory, round.AfterSamples.Batch,
            round.AfterInteractions.Interactions, round.BeforeInteractions.Interactions,
        ];
        foreach (var blob in named)
        {
            var bytes = await blobs.GetAsync(blob, TestContext.Current.CancellationToken);
            Assert.Equal(blob.Length, bytes.Length);
            Assert.Equal(blob.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        }
        Assert.Equal(30, round.Evaluation.VersusRoundStart.Observed.After.N);
        Assert.NotNull(round.Evaluation.VersusRoundStart.True);
    }

    [Fact]
    public async Task SecondLoop_CachedCheckpointTruncated_FaultsNamingTheBlob()
    {
        var (provider, harness) = await StartAsync();
        await using var _ = provider;
        var outcomes = provider.GetRequiredService<LoopOutcomes>();
        var first = NewId.NextGuid();
        var firstOutcome = outcomes.WaitAsync(first);
        await harness.Bus.Publish(new StartLoop(first, Settings()), TestContext.Current.CancellationToken);
        var completed = Assert.IsType<LoopCompleted>(
            await firstOutcome.WaitAsync(TimeSpan.FromMinutes(4), TestContext.Current.CancellationToken));
        var checkpoint = completed.Pretraining.Generator;
        var file = Directory.GetFiles(store, checkpoint.Sha256, SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 3)], TestContext.Current.CancellationToken);

        var second = NewId.NextGuid();
        var secondOutcome = outcomes.WaitAsync(second);
        await harness.Bus.Publish(new StartLoop(second, Settings()), TestContext.Current.CancellationToken);

        var fault = Assert.IsType<LoopFaulted>(
            await secondOutcome.WaitAsync(TimeSpan.FromMinutes(4), TestContext.Current.CancellationToken));
        Assert.Equal(nameof(PrepareGenerator), fault.Step);
        Assert.Contains(checkpoint.Key, fault.Reason);
        Assert.True(File.Exists(file), "the corrupt blob is left for inspection, not deleted");
    }
}
