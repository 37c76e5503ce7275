using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using PirMesh.Contracts;
using PirMesh.Imaging;
using PirMesh.Learning;
using PirMesh.Learning.Training;
using PirMesh.ServiceDefaults;
using PirMesh.Storage;

namespace PirMesh.Sampling;

/// <summary>Samples a batch from a generator checkpoint, stores it and a preview grid, and announces it.</summary>
public sealed class GenerateSamplesConsumer(IBlobStore store, TorchCompute compute,
    ILogger<GenerateSamplesConsumer> logger) : IConsumer<GenerateSamples>
{
    public async Task Consume(ConsumeContext<GenerateSamples> context)
    {
        var command = context.Message;
        if (command.Count <= 0)
        {
            throw new ArgumentException($"GenerateSamples.Count must be positive, got {command.Count}");
        }
        var checkpoint = await store.GetAsync(command.Generator, context.CancellationToken);

        var watch = Stopwatch.StartNew();
        var (batch, classNames) = await compute.RunAsync(_ =>
        {
            using var gan = GanModel.FromBytes(checkpoint, compute.Device);
            var (pixels, classes) = Sampler.Sample(gan.Generator, command.Count, command.Seed);
            var resolution = gan.Preset.Resolution;
            return (new ImageBatch(command.Count, 3, resolution, resolution, classes, pixels), gan.ClassNames);
        }, context.CancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;

        var stored = await store.StoreAsync("samples", ImageBatchFormat.Serialize(batch), context.CancellationToken);
        var preview = await store.StoreAsync("preview", PngWriter.GridByClass(batch, classNames),
            context.CancellationToken);
        logger.LogInformation("Sampled {Count} {Purpose} images for loop {LoopId} round {Round} at {Rate:F0}/s",
            command.Count, command.Purpose, command.LoopId, command.Round, command.Count / seconds);

        await context.Publish(new SamplesGenerated(command.LoopId, command.Round, command.Purpose, stored,
            command.Count, preview, command.Count / seconds, seconds), context.CancellationToken);
    }
}
