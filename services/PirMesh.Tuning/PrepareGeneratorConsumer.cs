using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using PirMesh.Contracts;
using PirMesh.Learning;
using PirMesh.Learning.Training;
using PirMesh.ServiceDefaults;
using PirMesh.Storage;

namespace PirMesh.Tuning;

/// <summary>
/// Provides the pretrained GAN. Pretraining is by far the longest step, so its checkpoint is cached under a hash of
/// the photos, the preset's pretraining settings and the seed; a later loop with the same inputs skips it.
/// </summary>
public sealed class PrepareGeneratorConsumer(IBlobStore store, TorchCompute compute, PhotoDataSets dataSets,
    IProgress<TrainingProgress> progress, ILogger<PrepareGeneratorConsumer> logger) : IConsumer<PrepareGenerator>
{
    public async Task Consume(ConsumeContext<PrepareGenerator> context)
    {
        var settings = context.Message.Settings;
        var preset = Preset.Named(settings.Preset);
        var data = await dataSets.LoadAsync(settings, preset, context.CancellationToken);
        var alias = CacheAlias(data, preset, settings.Seed, compute.Threads);

        if (!settings.NoCache && await FindCachedAsync(alias, context.CancellationToken) is { } cached)
        {
            // Reading checks the SHA-256, so a truncated or altered checkpoint fails here with its key. It is not
            // replaced silently: the operator learns the store is damaged and chooses to pretrain again.
            try
            {
                var bytes = await store.GetAsync(cached, context.CancellationToken);
                await compute.RunAsync(_ => { GanModel.FromBytes(bytes, compute.Device).Dispose(); return 0; },
                    context.CancellationToken);
            }
            catch (Exception ex) when (ex is BlobCorruptException or BlobNotFoundException or InvalidDataException)
            {
                throw new InvalidDataException(
                    $"the cached pretrained GAN is unusable: {ex.Message}. Rerun with --no-cache to pretrain it again.",
                    ex);
            }
            logger.LogInformation("Using the cached pretrained GAN {Key} for loop {LoopId}", cached.Key,
                context.Message.LoopId);
            await context.Publish(new GeneratorReady(context.Message.LoopId, cached.ToRef(), true, null, 0),
                context.CancellationToken);
            return;
        }

        var started = DateTime.UtcNow;
        var (checkpoint, history) = await compute.RunSeededAsync(settings.Seed, token =>
        {
            using var real = new RealImages(data.Crops.Pixels, data.Crops.Classes,
                preset.Resolution);
            using var gan = new GanModel(preset, data.ClassNames).To(compute.Device);
            var losses = GanTrainer.Train(gan, real, GanSchedule.Pretraining(preset), null, settings.Seed,
                "pretrain", progress, token);
            return (gan.ToBytes(), losses);
        }, context.CancellationToken);
        var seconds = (DateTime.UtcNow - started).TotalSeconds;

        var stored = await store.StoreAsync("gan", checkpoint, context.CancellationToken);
        await store.SetAliasAsync(alias, stored.ToStored(), context.CancellationToken);
        var losses = await store.StoreAsync("losses", Encoding.UTF8.GetBytes(history.ToCsv()),
            context.CancellationToken);
        logger.LogInformation("Pretrained the GAN for loop {LoopId} in {Seconds:F0} s; cached as {Alias}",
            context.Message.LoopId, seconds, alias);

        await context.Publish(new GeneratorReady(context.Message.LoopId, stored, false, losses, seconds),
            context.CancellationToken);
    }

    private async Task<StoredBlob?> FindCachedAsync(string alias, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetAliasAsync(alias, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException(
                $"the pretraining cache entry {alias} is unusable: {ex.Message}. Rerun with --no-cache to replace it.",
                ex);
        }
    }

    /// <summary>Cache name of a pretrained GAN: what it learned from and exactly how.</summary>
    public static string CacheAlias(TrainingSet data, Preset preset, long seed, int threads)
    {
        var settings = JsonSerializer.Serialize(new
        {
            data.Fingerprint, preset.Resolution, preset.GeneratorWidths, preset.DiscriminatorWidths,
            preset.LatentSize, preset.BatchSize, preset.PretrainSteps, preset.PretrainGeneratorLr,
            preset.PretrainDiscriminatorLr, preset.FakeClassWeight, preset.RealClassWeight, preset.CropPoolSize,
            // libtorch's results depend on the thread count, so a checkpoint is only reused for the same count.
            seed, threads, Format = 2,
        });
        return "pretrained/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings)));
    }
}
