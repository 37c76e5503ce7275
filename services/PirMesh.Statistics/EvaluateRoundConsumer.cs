using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using PirMesh.Contracts;
using PirMesh.Learning.Statistics;
using PirMesh.ServiceDefaults;
using PirMesh.Storage;

namespace PirMesh.Statistics;

/// <summary>
/// Compares a round's after-tuning interactions with the round's start and with the original generator.
/// </summary>
public sealed class EvaluateRoundConsumer(IBlobStore store, ILogger<EvaluateRoundConsumer> logger)
    : IConsumer<EvaluateRound>
{
    public async Task Consume(ConsumeContext<EvaluateRound> context)
    {
        var command = context.Message;
        var watch = Stopwatch.StartNew();
        var roundStart = await LoadAsync(command.RoundStart, context.CancellationToken);
        var original = await LoadAsync(command.Original, context.CancellationToken);
        var after = await LoadAsync(command.After, context.CancellationToken);

        var versusStart = RoundComparer.Compare(command.RoundStart, roundStart, command.After, after,
            command.EstimatedBefore, command.EstimatedAfter);
        var versusOriginal = RoundComparer.Compare(command.Original, original, command.After, after,
            null, null);
        var headline = versusStart.True ?? versusStart.Observed;
        logger.LogInformation(
            "Round {Round} of loop {LoopId}: mean PIR {Before:F4} -> {After:F4}, d = {D:F2}, {P}",
            command.Round, command.LoopId, headline.Before.MeanPir, headline.After.MeanPir, headline.CohensD,
            PValueText.Clause(headline.PValue));

        await context.Publish(new RoundEvaluated(command.LoopId, command.Round, versusStart, versusOriginal,
            watch.Elapsed.TotalSeconds), context.CancellationToken);
    }

    private async Task<InteractionTable> LoadAsync(BlobRef blob, CancellationToken cancellationToken) =>
        InteractionTable.Parse(await store.GetAsync(blob, cancellationToken), blob.Key);
}
