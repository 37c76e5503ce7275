using PirMesh.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PirMesh.Learning.Tests.Training;

public sealed class TrainingLoopTests
{
    private static RealImages RandomPool(int count, int resolution, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 3 * resolution * resolution];
        random.NextBytes(pixels);
        return new RealImages(pixels, Enumerable.Range(0, count).Select(i => i % 2).ToArray(), resolution);
    }

    [Fact]
    public void Train_HundredsOfSteps_KeepsTheLiveTensorCountFlat()
    {
        var preset = Preset.Smoke with { BatchSize = 8, LogEvery = 50 };
        using var data = RandomPool(64, preset.Resolution, 1);
        using var gan = new GanModel(preset, ["a", "b"]);
        using var estimator = EstimatorFactory.Create("scratch", preset, 2, null);
        var schedule = GanSchedule.Tuning(preset) with { Steps = 20 };
        GanTrainer.Train(gan, data, schedule, estimator, 1, "warm-up", null, CancellationToken.None);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        GanTrainer.Train(gan, data, schedule with { Steps = 300 }, estimator, 2, "long", null,
            CancellationToken.None);

        var after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        // Optimiser state is created per call and disposed with it; nothing may pile up per step.
        Assert.InRange(after - before, -5, 5);
    }

    [Theory]
    [InlineData("resnet18")]
    [InlineData("discriminator")]
    [InlineData("scratch")]
    public void Train_TuningStep_ReachesEveryGeneratorParameterAndNoEstimatorParameter(string backbone)
    {
        var preset = Preset.Smoke with { BatchSize = 4 };
        using var gan = new GanModel(preset, ["a", "b"]);
        using var estimator = EstimatorFactory.Create(backbone, preset, 2, gan.Discriminator);
        Assert.True(estimator.parameters().Count() > 2);
        GanTrainer.Freeze(estimator);
        using var scope = NewDisposeScope();
        var fake = gan.Generator.forward(randn(4, 64), tensor(new long[] { 0, 1, 0, 1 }));
        estimator.Estimate((fake + 1) / 2).mean().backward();
        Assert.All(gan.Generator.parameters(),
            p => Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0));
        Assert.All(estimator.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void Train_SameSeedAndThreads_GivesBitIdenticalWeights()
    {
        byte[] Run()
        {
            var preset = Preset.Smoke with { BatchSize = 8 };
            using var data = RandomPool(64, preset.Resolution, 3);
            torch.manual_seed(11);
            using var gan = new GanModel(preset, ["a", "b"]);
            GanTrainer.Train(gan, data, GanSchedule.Pretraining(preset) with { Steps = 10 }, null, 5, "x", null,
                CancellationToken.None);
            return gan.ToBytes();
        }
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void EstimatorTrainer_LearnsAnEasyObjective_WithHighValidationCorrelation()
    {
        // Each image is one grey level g; its PIR is g. A small CNN should find that quickly.
        var preset = Preset.Smoke with { EstimatorEpochs = 15, EstimatorBatchSize = 16 };
        const int count = 200;
        var levels = Enumerable.Range(0, count).Select(i => (byte)(i * 255 / (count - 1))).ToArray();
        var pixels = levels.SelectMany(g => Enumerable.Repeat(g, 3 * 16 * 16)).ToArray();
        using var images = ImageTensors.FromBytes(pixels, count, 16, 16);
        var pir = levels.Select(g => g / 255.0).ToArray();
        torch.manual_seed(3);
        using var estimator = EstimatorFactory.Create("scratch", preset, 1, null);
        var fit = EstimatorTrainer.Train(estimator, preset, images, pir, [count], 7, null, CancellationToken.None);
        Assert.Equal(30, fit.ValidationCount);
        Assert.True(fit.ValidationPearson > 0.8, $"validation Pearson {fit.ValidationPearson}");
    }

    [Fact]
    public void HoldOut_TwoBatches_HoldsOutTheShareOfEachBatch()
    {
        var (train, validation) = EstimatorTrainer.HoldOut([100, 60], 0.15, 1);
        Assert.Equal(15, validation.Count(i => i < 100));
        Assert.Equal(9, validation.Count(i => i >= 100));
        Assert.Equal(160, train.Length + validation.Length);
        Assert.Empty(train.Intersect(validation));
    }
}
