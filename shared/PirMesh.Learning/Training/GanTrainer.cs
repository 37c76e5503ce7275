using System.Diagnostics;
using PirMesh.Learning.Networks;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace PirMesh.Learning.Training;

/// <summary>
/// ACGAN training, used both to pretrain and to tune. The discriminator maximises
/// log P(real|real) + log P(fake|fake) + w_realclass log P(class|real); it has no fake-class term, so it cannot
/// cooperate with the generator on classification. The generator maximises the non-saturating
/// log P(real|fake) + w_fakeclass log P(class|fake), plus w_PIR times the frozen estimator's PIR when tuning.
/// Generator: Adam (beta1 0.5). Discriminator: RMSProp.
/// </summary>
public static class GanTrainer
{
    /// <param name="estimator">Frozen PIR estimator for tuning; null when pretraining.</param>
    public static LossHistory Train(GanModel model, RealImages data, GanSchedule schedule, PirEstimator? estimator,
        long seed, string job, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var device = model.Generator.parameters().First().device;
        var history = new LossHistory(estimator is null
            ? ["generator", "discriminator", "d_real_class"]
            : ["generator", "discriminator", "d_real_class", "estimated_pir"]);
        if (estimator is not null)
        {
            Freeze(estimator);
        }
        torch.manual_seed(seed);
        var classCount = model.ClassNames.Count;
        using var gOptimizer = optim.Adam(model.Generator.parameters(), schedule.GeneratorLr, beta1: 0.5);
        using var dOptimizer = optim.RMSProp(model.Discriminator.parameters(), schedule.DiscriminatorLr);
        model.Generator.train();
        model.Discriminator.train();
        var sums = new double[history.Columns.Count];
        var watch = Stopwatch.StartNew();
        for (var step = 1; step <= schedule.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (NewDisposeScope())
            {
                var (real, realClasses) = data.Batch(schedule.BatchSize, device);
                var fakeClasses = randint(0, classCount, [schedule.BatchSize], dtype: int64, device: device);
                var fake = model.Generator.forward(
                    randn(schedule.BatchSize, model.Generator.LatentSize, device: device), fakeClasses);

                dOptimizer.zero_grad();
                var (realSource, realClassLogits) = model.Discriminator.forward(real);
                var (fakeSource, _) = model.Discriminator.forward(fake.detach());
                var realClassLoss = cross_entropy(realClassLogits, realClasses);
                var dLoss = binary_cross_entropy_with_logits(realSource, ones_like(realSource))
                    + binary_cross_entropy_with_logits(fakeSource, zeros_like(fakeSource))
                    + schedule.RealClassWeight * realClassLoss;
                dLoss.backward();
                dOptimizer.step();

                gOptimizer.zero_grad();
                var (foolSource, foolClassLogits) = model.Discriminator.forward(fake);
                var gLoss = binary_cross_entropy_with_logits(foolSource, ones_like(foolSource))
                    + schedule.FakeClassWeight * cross_entropy(foolClassLogits, fakeClasses);
                // Recorded without the PIR term, so the adversarial loss stays readable next to the estimate.
                var adversarial = gLoss.item<float>();
                Tensor? pir = null;
                if (estimator is not null)
                {
                    pir = estimator.Estimate((fake + 1) / 2).mean();
                    gLoss = gLoss - schedule.PirWeight * pir;
                }
                gLoss.backward();
                gOptimizer.step();

                sums[0] += adversarial;
                sums[1] += dLoss.item<float>();
                sums[2] += realClassLoss.item<float>();
                if (pir is not null)
                {
                    sums[3] += pir.item<float>();
                }
            }
            if (step % schedule.LogEvery == 0 || step == schedule.Steps)
            {
                var count = step % schedule.LogEvery == 0 ? schedule.LogEvery : step % schedule.LogEvery;
                var means = sums.Select(s => s / count).ToArray();
                history.Add(step, means);
                Array.Clear(sums);
                progress?.Report(new TrainingProgress(job, step, schedule.Steps,
                    history.Columns.Zip(means).ToDictionary(p => p.First, p => p.Second), watch.Elapsed));
            }
        }
        model.Generator.eval();
        model.Discriminator.eval();
        return history;
    }

    /// <summary>Stops gradients at the estimator's weights; they still flow through it to the images.</summary>
    public static void Freeze(PirEstimator estimator)
    {
        estimator.eval();
        foreach (var parameter in estimator.parameters())
        {
            parameter.requires_grad = false;
        }
    }
}
