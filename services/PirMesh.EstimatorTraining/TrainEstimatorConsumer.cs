using System.Text;
using MassTransit;
using Microsoft.Extensions.Logging;
using PirMesh.Contracts;
using PirMesh.Imaging;
using PirMesh.Learning;
using PirMesh.Learning.Training;
using PirMesh.ServiceDefaults;
using PirMesh.Storage;
using TorchSharp;

namespace PirMesh.EstimatorTraining;

/// <summary>
/// Trains a PIR estimator on every labelled batch named in the command (all the loop's data so far), holding out a
/// share of each batch to report validation error and correlation.
/// </summary>
public sealed class TrainEstimatorConsumer(IBlobStore store, TorchCompute compute,
    IProgress<TrainingProgress> progress, ILogger<TrainEstimatorConsumer> logger) : IConsumer<TrainEstimator>
{
    public async Task Consume(ConsumeContext<TrainEstimator> context)
    {
        var command = context.Message;
        if (command.Batches.Count == 0)
        {
            throw new ArgumentException("TrainEstimator names no labelled batches");
        }
        var preset = Preset.Named(command.Preset);
        var batches = new List<ImageBatch>();
        var observed = new List<double>();
        foreach (var labelled in command.Batches)
        {
            var batch = ImageBatchFormat.Deserialize(await store.GetAsync(labelled.Batch, context.CancellationToken));
            var table = InteractionTable.Parse(await store.GetAsync(labelled.Interactions, context.CancellationToken),
                labelled.Interactions.Key);
            if (table.Rows.Count != batch.Count)
            {
                throw new InvalidDataException(
                    $"{labelled.Interactions.Key} has {table.Rows.Count} rows for {batch.Count} images");
            }
            batches.Add(batch);
            observed.AddRange(table.Observed());
        }
        byte[]? discriminatorCheckpoint = command.Discriminator is null ? null
            : await store.GetAsync(command.Discriminator, context.CancellationToken);

        var started = DateTime.UtcNow;
        var (fitBytes, fit) = await compute.RunSeededAsync<(byte[], EstimatorFit)>(command.Seed, token =>
        {
            using var gan = discriminatorCheckpoint is null ? null
                : GanModel.FromBytes(discriminatorCheckpoint, compute.Device);
            var classCount = gan?.ClassNames.Count ?? 1;
            var estimator = EstimatorFactory.Create(command.Backbone, preset, classCount, gan?.Discriminator);
            estimator.to(compute.Device);
            using var images = Concatenate(batches);
            var result = EstimatorTrainer.Train(estimator, preset, images, observed.ToArray(),
                batches.Select(b => b.Count).ToArray(), command.Seed, progress, token);
            var bytes = EstimatorModel.ToBytes(estimator, preset, classCount);
            estimator.Dispose();
            return (bytes, result);
        }, context.CancellationToken);
        var seconds = (DateTime.UtcNow - started).TotalSeconds;

        var stored = await store.StoreAsync("estimator", fitBytes, context.CancellationToken);
        var history = await store.StoreAsync("losses", Encoding.UTF8.GetBytes(fit.History.ToCsv()),
            context.CancellationToken);
        logger.LogInformation(
            "Trained the {Backbone} estimator for loop {LoopId} round {Round} on {Train} images: validation MAE "
            + "{Mae:F4}, Pearson {Pearson:F3} on {Validation}", command.Backbone, command.LoopId, command.Round,
            fit.TrainCount, fit.ValidationMae, fit.ValidationPearson, fit.ValidationCount);

        await context.Publish(new EstimatorTrained(command.LoopId, command.Round, stored, fit.TrainCount,
            fit.ValidationCount, fit.ValidationMae, fit.ValidationPearson, history, seconds),
            context.CancellationToken);
    }

    private static torch.Tensor Concatenate(IReadOnlyList<ImageBatch> batches)
    {
        var first = batches[0];
        if (batches.Any(b => b.Height != first.Height || b.Width != first.Width))
        {
            throw new InvalidDataException("the labelled batches do not all have the same image size");
        }
        var pixels = batches.SelectMany(b => b.Pixels).ToArray();
        return ImageTensors.FromBytes(pixels, batches.Sum(b => b.Count), first.Height, first.Width);
    }
}
