using System.Diagnostics;
using System.Text;
using MassTransit;
using Microsoft.Extensions.Logging;
using PirMesh.Contracts;
using PirMesh.Learning;
using PirMesh.Learning.Training;
using PirMesh.ServiceDefaults;
using PirMesh.Storage;

namespace PirMesh.Tuning;

/// <summary>
/// Tunes a generator against a frozen PIR estimator while the discriminator keeps training on real photos, and
/// measures the estimator's mean PIR on the same fresh latents before and after.
/// </summary>
public sealed class TuneGeneratorConsumer(IBlobStore store, TorchCompute compute, PhotoDataSets dataSets,
    IProgress<TrainingProgress> progress, ILogger<TuneGeneratorConsumer> logger) : IConsumer<TuneGenerator>
{
    public async Task Consume(ConsumeContext<TuneGenerator> context)
    {
        var command = context.Message;
        var preset = Preset.Named(command.Settings.Preset);
        var data = await dataSets.LoadAsync(command.Settings, preset, context.CancellationToken);
        var generatorBytes = await store.GetAsync(command.Generator, context.CancellationToken);
        var estimatorBytes = await store.GetAsync(command.Estimator, context.CancellationToken);

        var started = DateTime.UtcNow;
        var result = await compute.RunSeededAsync(command.Seed, token =>
        {
            using var gan = GanModel.FromBytes(generatorBytes, compute.Device);
            using var estimator = EstimatorModel.FromBytes(estimatorBytes, compute.Device);
            GanTrainer.Freeze(estimator);
            using var real = new RealImages(data.Crops.Pixels, data.Crops.Classes, preset.Resolution);
            var probeSeed = command.Seed ^ 0x7E57;
            var before = Sampler.MeanEstimate(gan.Generator, estimator, command.Settings.EvaluationImages, probeSeed);
            var watch = Stopwatch.StartNew();
            var history = GanTrainer.Train(gan, real, GanSchedule.Tuning(preset), estimator, command.Seed,
                $"tune r{command.Round}", progress, token);
            var perStep = watch.Elapsed.TotalSeconds / Math.Max(1, preset.TuneSteps);
            var after = Sampler.MeanEstimate(gan.Generator, estimator, command.Settings.EvaluationImages, probeSeed);
            return (Checkpoint: gan.ToBytes(), History: history, Before: before, After: after, PerStep: perStep);
        }, context.CancellationToken);
        var seconds = (DateTime.UtcNow - started).TotalSeconds;

        var stored = await store.StoreAsync("gan", result.Checkpoint, context.CancellationToken);
        var losses = await store.StoreAsync("losses", Encoding.UTF8.GetBytes(result.History.ToCsv()),
            context.CancellationToken);
        logger.LogInformation(
            "Tuned the generator for loop {LoopId} round {Round}: estimated PIR {Before:F4} -> {After:F4}, "
            + "{PerStep:F3} s/step", command.LoopId, command.Round, result.Before, result.After, result.PerStep);

        await context.Publish(new GeneratorTuned(command.LoopId, command.Round, stored, result.Before, result.After,
            result.PerStep, losses, seconds), context.CancellationToken);
    }
}
