using System.Collections.Concurrent;
using TorchSharp;
using static TorchSharp.torch;

namespace PirMesh.Learning;

/// <summary>
/// Runs all tensor work of the process on one dedicated thread. Dispose scopes are per thread and libtorch's
/// intra-op pool is process-wide, so one compute thread keeps memory accounting exact, avoids oversubscribing
/// small machines, and makes results depend only on the seed and the thread count.
/// </summary>
public sealed class TorchCompute : IDisposable
{
    private readonly BlockingCollection<Action> work = new();
    private readonly Thread thread;

    /// <param name="threads">libtorch intra-op threads; 0 means one per core.</param>
    public TorchCompute(int threads)
    {
        if (threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "the thread count must be 0 or more");
        }
        Threads = threads == 0 ? Environment.ProcessorCount : threads;
        var ready = new TaskCompletionSource<Device>();
        thread = new Thread(() => Loop(ready)) { IsBackground = true, Name = "pirmesh-torch" };
        thread.Start();
        Device = ready.Task.GetAwaiter().GetResult();
    }

    /// <summary>CUDA when a device is present, otherwise the CPU.</summary>
    public Device Device { get; }

    public int Threads { get; }

    /// <summary>Queues <paramref name="job"/> on the compute thread.</summary>
    public Task<T> RunAsync<T>(Func<T> job, CancellationToken cancellationToken = default)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = cancellationToken.Register(() => result.TrySetCanceled(cancellationToken));
        work.Add(() =>
        {
            try
            {
                if (!result.Task.IsCompleted)
                {
                    result.TrySetResult(job());
                }
            }
            catch (Exception ex)
            {
                result.TrySetException(ex);
            }
            finally
            {
                registration.Dispose();
            }
        }, cancellationToken);
        return result.Task;
    }

    /// <summary>
    /// Queues <paramref name="job"/> after seeding libtorch's global generator, so weight initialisation, dropout
    /// and batch sampling inside the job depend only on <paramref name="seed"/>.
    /// </summary>
    public Task<T> RunSeededAsync<T>(long seed, Func<T> job, CancellationToken cancellationToken = default) =>
        RunAsync(() =>
        {
            torch.manual_seed(seed);
            return job();
        }, cancellationToken);

    public void Dispose()
    {
        work.CompleteAdding();
        thread.Join();
        work.Dispose();
    }

    private void Loop(TaskCompletionSource<Device> ready)
    {
        try
        {
            torch.set_num_threads(Threads);
            var device = cuda.is_available() ? CUDA : CPU;
            ready.SetResult(device);
        }
        catch (Exception ex)
        {
            ready.SetException(ex);
            return;
        }
        foreach (var job in work.GetConsumingEnumerable())
        {
            job();
        }
    }
}
