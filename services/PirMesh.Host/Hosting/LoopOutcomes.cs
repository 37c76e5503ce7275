using System.Collections.Concurrent;
using MassTransit;
using PirMesh.Contracts;

namespace PirMesh.Host.Hosting;

/// <summary>Lets the command line await the end of a loop it started.</summary>
public sealed class LoopOutcomes
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<object>> pending = new();

    public Task<object> WaitAsync(Guid loopId) => Pending(loopId).Task;

    internal void Complete(Guid loopId, object outcome) => Pending(loopId).TrySetResult(outcome);

    private TaskCompletionSource<object> Pending(Guid loopId) =>
        pending.GetOrAdd(loopId,
            _ => new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>Hands the loop's last event to whoever waits for it.</summary>
public sealed class LoopOutcomeConsumer(LoopOutcomes outcomes) : IConsumer<LoopCompleted>, IConsumer<LoopFaulted>
{
    public Task Consume(ConsumeContext<LoopCompleted> context)
    {
        outcomes.Complete(context.Message.LoopId, context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<LoopFaulted> context)
    {
        outcomes.Complete(context.Message.LoopId, context.Message);
        return Task.CompletedTask;
    }
}
