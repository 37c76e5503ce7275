using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PirMesh.Contracts;
using PirMesh.Host.Hosting;
using PirMesh.Host.Reporting;
using PirMesh.Learning;
using PirMesh.Storage;

namespace PirMesh.Host.Cli;

/// <summary>Validates a run, starts the in-process mesh, waits for the loop and writes its report.</summary>
public static class RunLoop
{
    public static async Task<int> ExecuteAsync(RunSettings run, TextWriter output, TextWriter errors,
        CancellationToken cancellationToken)
    {
        var problems = RunValidator.Validate(run);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await errors.WriteLineAsync($"error: {problem}");
            }
            return 2;
        }

        var started = DateTimeOffset.Now;
        var watch = Stopwatch.StartNew();
        using var host = InProcessMesh.Build(run.StoreRoot, run.Threads);
        await host.StartAsync(cancellationToken);
        try
        {
            var loopId = NewId.NextGuid();
            var outcomes = host.Services.GetRequiredService<LoopOutcomes>();
            var wait = outcomes.WaitAsync(loopId);
            var compute = host.Services.GetRequiredService<TorchCompute>();
            await output.WriteLineAsync(
                $"PirMesh loop {loopId}: preset {run.Loop.Preset}, objective {run.Loop.Objective}, "
                + $"{run.Loop.Rounds} round(s), {run.Loop.ImagesPerRound} images x {run.Loop.ImpressionsPerImage} "
                + $"impressions, device {compute.Device.type}, {compute.Threads} thread(s)");
            await host.Services.GetRequiredService<IBus>().Publish(new StartLoop(loopId, run.Loop), cancellationToken);

            var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
            var outcome = await wait.WaitAsync(interrupted.Token);
            if (outcome is LoopFaulted fault)
            {
                await errors.WriteLineAsync($"error: the loop failed in {fault.Step}: {fault.Reason}");
                return 1;
            }
            var completed = (LoopCompleted)outcome;
            var facts = new RunFacts(compute.Threads, compute.Device.type.ToString(), watch.Elapsed.TotalSeconds,
                PeakResidentMegabytes(), started);
            var writer = new ReportWriter(host.Services.GetRequiredService<IBlobStore>());
            var summary = await writer.WriteAsync(completed, facts, run.OutputDirectory, cancellationToken);
            await Summarise(summary, run.OutputDirectory, watch.Elapsed, output);
            return 0;
        }
        catch (OperationCanceledException)
        {
            await errors.WriteLineAsync("cancelled; nothing was written to the output folder");
            return 130;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task Summarise(SummaryDocument summary, string outputDirectory, TimeSpan elapsed,
        TextWriter output)
    {
        foreach (var round in summary.Rounds)
        {
            var result = round.Headline();
            var verdict = result.Significant ? "significant" : "not significant";
            await output.WriteLineAsync(
                $"round {round.Round}: {round.Basis} mean PIR {result.Before.MeanPir:F4} -> {result.After.MeanPir:F4} "
                + $"(change {result.ChangeInMeanPir:+0.0000;-0.0000}, d = {result.CohensD:F2}, "
                + $"{ReportNumbers.PClause(result.PValue)}, {verdict} at {ReportNumbers.Alpha(summary.Alpha)}); "
                + $"training batch: {ReportNumbers.Spread(round.Training.Spread)}");
        }
        foreach (var caveat in summary.Caveats)
        {
            await output.WriteLineAsync($"caveat: {caveat}");
        }
        await output.WriteLineAsync(
            $"done in {elapsed.TotalMinutes:F1} min; results in {Path.GetFullPath(outputDirectory)}");
    }

    /// <summary>Peak resident set size of this process (VmHWM), in MiB; NaN where /proc is not available.</summary>
    public static double PeakResidentMegabytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return double.NaN;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN
            : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}
