using PirMesh.Learning.Training;
using PirMesh.ServiceDefaults;

namespace PirMesh.Services.Tests;

public sealed class ConsoleProgressTests
{
    private static TrainingProgress At(int step, double seconds) =>
        new("tune", step, 1000, new Dictionary<string, double>(), TimeSpan.FromSeconds(seconds));

    [Fact]
    public void RecentRemaining_FollowsThePaceSinceThePreviousReport()
    {
        // 100 slow warm-up steps took 50 s, the next 100 took 10 s: 800 steps left at 0.1 s each.
        Assert.Equal(TimeSpan.FromSeconds(80), ConsoleProgress.RecentRemaining(At(100, 50), At(200, 60)));
        // The average pace would have said 0.3 s a step.
        Assert.Equal(TimeSpan.FromSeconds(240), At(200, 60).Remaining);
    }

    [Fact]
    public void RecentRemaining_NoNewSteps_FallsBackToTheAverage()
    {
        Assert.Equal(At(200, 60).Remaining, ConsoleProgress.RecentRemaining(At(200, 50), At(200, 60)));
    }

    [Fact]
    public void Report_SecondLine_UsesTheRecentPace()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress(output) { MinimumInterval = TimeSpan.Zero };
        progress.Report(At(100, 50));
        progress.Report(At(200, 60));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("left 1:20", lines[1].TrimEnd());
    }
}
