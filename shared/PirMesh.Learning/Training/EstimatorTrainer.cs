using System.Diagnostics;
using PirMesh.Learning.Networks;
using PirMesh.Learning.Statistics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace PirMesh.Learning.Training;

/// <summary>What training the estimator produced.</summary>
public sealed record EstimatorFit(PirEstimator Estimator, int TrainCount, int ValidationCount,
    double ValidationMae, double ValidationPearson, LossHistory History);

/// <summary>
/// Fits a PIR estimator: cross-entropy between its 100 bin logits and the bin of each observed PIR, Adam at the
/// preset's learning rate (5e-4). A share of every batch is held out; the held-out error is measured with the
/// frozen estimate (temperature 0.01), the same one the tuner uses.
/// </summary>
public static class EstimatorTrainer
{
    /// <param name="images">uint8 pixels [N,3,H,W] on the CPU.</param>
    /// <param name="observedPir">Observed PIR of each image.</param>
    /// <param name="groupSizes">Sizes of the consecutive batches the images came from; each is split alone.</param>
    public static EstimatorFit Train(PirEstimator estimator, Preset preset, Tensor images, double[] observedPir,
        IReadOnlyList<int> groupSizes, long seed, IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (images.shape[0] != observedPir.Length || groupSizes.Sum() != observedPir.Length)
        {
            throw new ArgumentException(
                $"{images.shape[0]} images, {observedPir.Length} PIRs and groups of {groupSizes.Sum()} disagree");
        }
        var device = estimator.parameters().First().device;
        var (train, validation) = HoldOut(groupSizes, preset.ValidationShare, seed);
        var bins = tensor(observedPir.Select(EstimatorBin).ToArray(), int64);
        var history = new LossHistory("train_cross_entropy", "validation_mae");
        var stepsPerEpoch = (train.Length + preset.EstimatorBatchSize - 1) / preset.EstimatorBatchSize;
        var totalSteps = stepsPerEpoch * preset.EstimatorEpochs;
        var random = new Random(unchecked((int)seed));
        torch.manual_seed(seed);
        var (backboneParameters, headParameters) = estimator.ParameterGroups;
        var backboneLr = preset.EstimatorLr * estimator.BackboneLearningRateScale;
        using var optimizer = optim.Adam(
        [
            new Adam.ParamGroup(backboneParameters, new Adam.Options { LearningRate = backboneLr }),
            new Adam.ParamGroup(headParameters, new Adam.Options { LearningRate = preset.EstimatorLr }),
        ], preset.EstimatorLr);
        var watch = Stopwatch.StartNew();
        var step = 0;
        var mae = double.NaN;
        var pearson = double.NaN;
        for (var epoch = 0; epoch < preset.EstimatorEpochs; epoch++)
        {
            var order = train.OrderBy(_ => random.Next()).ToArray();
            double lossSum = 0;
            estimator.train();
            for (var start = 0; start < order.Length; start += preset.EstimatorBatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var index = tensor(order[start..Math.Min(order.Length, start + preset.EstimatorBatchSize)], int64);
                optimizer.zero_grad();
                var logits = estimator.forward(ImageTensors.ToUnit(images.index_select(0, index)).to(device));
                var loss = cross_entropy(logits, bins.index_select(0, index).to(device));
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>();
                step++;
            }
            (mae, pearson) = Validate(estimator, images, observedPir, validation);
            history.Add(step, lossSum / stepsPerEpoch, mae);
            progress?.Report(new TrainingProgress("estimator", step, totalSteps,
                new Dictionary<string, double> { ["cross_entropy"] = lossSum / stepsPerEpoch, ["val_mae"] = mae },
                watch.Elapsed));
        }
        estimator.eval();
        return new EstimatorFit(estimator, train.Length, validation.Length, mae, pearson, history);
    }

    /// <summary>Bin index of each PIR, as the training target.</summary>
    public static long EstimatorBin(double pir) => PirEstimator.BinOf(pir);

    /// <summary>Indices to train on and to hold out: the same share of every group, chosen at random.</summary>
    public static (long[] Train, long[] Validation) HoldOut(IReadOnlyList<int> groupSizes, double share, long seed)
    {
        var random = new Random(unchecked((int)(seed ^ 0x5eed)));
        var train = new List<long>();
        var validation = new List<long>();
        var offset = 0;
        foreach (var size in groupSizes)
        {
            var shuffled = Enumerable.Range(offset, size).OrderBy(_ => random.Next()).ToArray();
            var held = size < 2 ? 0 : Math.Max(1, (int)Math.Round(size * share));
            validation.AddRange(shuffled.Take(held).Select(i => (long)i));
            train.AddRange(shuffled.Skip(held).Select(i => (long)i));
            offset += size;
        }
        train.Sort();
        validation.Sort();
        return (train.ToArray(), validation.ToArray());
    }

    /// <summary>Mean frozen estimate of each image in bytes [N,3,H,W].</summary>
    public static double[] Predict(PirEstimator estimator, Tensor images, long[] indices)
    {
        var device = estimator.parameters().First().device;
        estimator.eval();
        using var noGrad = no_grad();
        var predictions = new List<double>();
        for (var start = 0; start < indices.Length; start += 250)
        {
            using var scope = NewDisposeScope();
            var index = tensor(indices[start..Math.Min(indices.Length, start + 250)], int64);
            var estimate = estimator.Estimate(ImageTensors.ToUnit(images.index_select(0, index)).to(device));
            predictions.AddRange(estimate.cpu().data<float>().ToArray().Select(v => (double)v));
        }
        return predictions.ToArray();
    }

    private static (double Mae, double Pearson) Validate(
        PirEstimator estimator, Tensor images, double[] observed, long[] validation)
    {
        if (validation.Length < 2)
        {
            return (double.NaN, double.NaN);
        }
        var predicted = Predict(estimator, images, validation);
        var actual = validation.Select(i => observed[i]).ToArray();
        return (Descriptive.MeanAbsoluteError(predicted, actual), Descriptive.Pearson(predicted, actual));
    }
}
