using System.Diagnostics;
using System.Globalization;
using System.Text;
using PirMesh.Learning.Training;

namespace PirMesh.ServiceDefaults;

/// <summary>
/// Prints progress of long jobs as one line per report: job, step, losses, elapsed and time left. At most one line
/// every <see cref="MinimumInterval"/> per job, plus the last. Time left follows the pace since the previous line,
/// so the slow first steps (native warm-up, caches) do not inflate every later estimate.
/// </summary>
public sealed class ConsoleProgress : IProgress<TrainingProgress>
{
    private readonly TextWriter output;
    private readonly Dictionary<string, long> lastPrinted = new();
    private readonly Dictionary<string, TrainingProgress> previous = new();
    private readonly Lock gate = new();

    public ConsoleProgress(TextWriter output) => this.output = output;

    public TimeSpan MinimumInterval { get; init; } = TimeSpan.FromSeconds(5);

    public void Report(TrainingProgress value)
    {
        lock (gate)
        {
            var now = Stopwatch.GetTimestamp();
            var last = value.Step == value.TotalSteps
                || !lastPrinted.TryGetValue(value.Job, out var at)
                || Stopwatch.GetElapsedTime(at, now) >= MinimumInterval;
            if (!last)
            {
                return;
            }
            lastPrinted[value.Job] = now;
            var remaining = previous.TryGetValue(value.Job, out var before)
                ? RecentRemaining(before, value) : value.Remaining;
            previous[value.Job] = value;
            output.WriteLine(Format(value, remaining));
        }
    }

    /// <summary>Time left at the pace between two reports of one job; the average pace if no steps passed.</summary>
    public static TimeSpan RecentRemaining(TrainingProgress before, TrainingProgress now)
    {
        var steps = now.Step - before.Step;
        if (steps <= 0 || before.TotalSteps != now.TotalSteps || now.Elapsed < before.Elapsed)
        {
            return now.Remaining;
        }
        return TimeSpan.FromTicks((now.Elapsed - before.Elapsed).Ticks / steps * (now.TotalSteps - now.Step));
    }

    public static string Format(TrainingProgress value, TimeSpan? remaining = null)
    {
        var line = new StringBuilder();
        var width = value.TotalSteps.ToString(CultureInfo.InvariantCulture).Length;
        line.Append(CultureInfo.InvariantCulture, $"[{value.Job,-12}] step {value.Step.ToString().PadLeft(width)}")
            .Append(CultureInfo.InvariantCulture, $"/{value.TotalSteps} ")
            .Append(CultureInfo.InvariantCulture, $"{100.0 * value.Step / value.TotalSteps,5:F1}%");
        foreach (var (name, loss) in value.Losses)
        {
            line.Append(CultureInfo.InvariantCulture, $"  {name} {loss:F4}");
        }
        var left = remaining ?? value.Remaining;
        line.Append(CultureInfo.InvariantCulture, $"  elapsed {Clock(value.Elapsed)}  left {Clock(left)}");
        return line.ToString();
    }

    private static string Clock(TimeSpan span) =>
        span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
