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
    private readonly CancellationTokenSource stopping = new();
    private readonly Thread thread;

    /// <summary>The thread count a requested one means: 0 is one per core of this machine.</summary>
    public static int ResolveThreads(int threads) => threads == 0 ? Environment.ProcessorCount : threads;

    /// <param name="threads">libtorch intra-op threads; 0 means one per core.</param>
    public TorchCompute(int threads)
    {
        if (threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "the thread count must be 0 or more");
        }
        Threads = ResolveThreads(threads);
        var ready = new TaskCompletionSource<Device>();
        thread = new Thread(() => Loop(ready)) { IsBackground = true, Name = "pirmesh-torch" };
        thread.Start();
        Device = ready.Task.GetAwaiter().GetResult();
    }

    /// <summary>CUDA when a device is present, otherwise the CPU.</summary>
    public Device Device { get; }

    public int Threads { get; }

    /// <summary>
    /// Queues <paramref name="job"/> on the compute thread. The job gets a token that is cancelled when
    /// <paramref name="cancellationToken"/> is, or when the process shuts down (<see cref="CancelRunningJobs"/>);
    /// long jobs check it between steps.
    /// </summary>
    public Task<T> RunAsync<T>(Func<CancellationToken, T> job, CancellationToken cancellationToken = default)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping.Token);
        var registration = linked.Token.Register(() => result.TrySetCanceled(linked.Token));
        work.Add(() =>
        {
            try
            {
                if (!result.Task.IsCompleted)
                {
                    result.TrySetResult(job(linked.Token));
                }
            }
            catch (OperationCanceledException) when (linked.IsCancellationRequested)
            {
                result.TrySetCanceled(linked.Token);
            }
            catch (Exception ex)
            {
                result.TrySetException(ex);
            }
            finally
            {
                registration.Dispose();
                linked.Dispose();
            }
        }, CancellationToken.None);
        return result.Task;
    }

    /// <summary>
    /// Queues <paramref name="job"/> after seeding libtorch's global generator, so weight initialisation, dropout
    /// and batch sampling inside the job depend only on <paramref name="seed"/>.
    /// </summary>
    public Task<T> RunSeededAsync<T>(long seed, Func<CancellationToken, T> job,
        CancellationToken cancellationToken = default) =>
        RunAsync(token =>
        {
            torch.manual_seed(seed);
            return job(token);
        }, cancellationToken);

    /// <summary>Cancels the running job and every queued one; used when the process is asked to stop.</summary>
    public void CancelRunningJobs() => stopping.Cancel();

    public void Dispose()
    {
        stopping.Cancel();
        work.CompleteAdding();
        thread.Join();
        work.Dispose();
        stopping.Dispose();
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
