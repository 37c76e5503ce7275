using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using PirMesh.Contracts;
using PirMesh.Imaging;
using PirMesh.ServiceDefaults;
using PirMesh.Storage;

namespace PirMesh.Interactions;

/// <summary>
/// Shows a stored batch to the interaction source that serves the objective and stores what happened.
/// </summary>
public sealed class CollectInteractionsConsumer(IBlobStore store, IEnumerable<IInteractionSource> sources,
    ILogger<CollectInteractionsConsumer> logger) : IConsumer<CollectInteractions>
{
    public async Task Consume(ConsumeContext<CollectInteractions> context)
    {
        var command = context.Message;
        if (command.Impressions <= 0)
        {
            throw new ArgumentException(
                $"impressions per image must be greater than zero, got {command.Impressions}");
        }
        var source = sources.FirstOrDefault(s => s.Serves(command.Objective))
            ?? throw new ArgumentException($"no interaction source serves objective '{command.Objective}'");
        var batch = ImageBatchFormat.Deserialize(await store.GetAsync(command.Batch, context.CancellationToken));

        var watch = Stopwatch.StartNew();
        var table = await source.CollectAsync(batch, command, context.CancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;

        var stored = await store.StoreAsync("interactions", table.ToCsv(), context.CancellationToken);
        var observed = table.Observed().Average();
        var truePir = table.True()?.Average();
        var spread = table.Spread();
        logger.LogInformation(
            "Collected {Impressions} impressions on {Count} {Purpose} images for loop {LoopId} round {Round}: "
            + "mean observed PIR {Observed:F4}, SD of {Basis} PIR {Sd:F4}, non-zero share {NonZero:F3}",
            command.Impressions, batch.Count, command.Purpose, command.LoopId, command.Round, observed, spread.Basis,
            spread.SdPir, spread.NonZeroShare);

        await context.Publish(new InteractionsCollected(command.LoopId, command.Round, command.Purpose,
            command.Batch, stored, batch.Count, observed, truePir, batch.Count / seconds, seconds, spread),
            context.CancellationToken);
    }
}
