namespace PirMesh.Learning.Training;

/// <summary>One progress report of a long job.</summary>
/// <param name="Job">What is running, such as <c>pretrain</c> or <c>tune r1</c>.</param>
/// <param name="Step">Steps done so far.</param>
/// <param name="TotalSteps">Steps in the whole job.</param>
/// <param name="Losses">Current losses by name, averaged since the last report.</param>
/// <param name="Elapsed">Time since the job started.</param>
public sealed record TrainingProgress(
    string Job, int Step, int TotalSteps, IReadOnlyDictionary<string, double> Losses, TimeSpan Elapsed)
{
    /// <summary>Estimated time left, from the average pace so far.</summary>
    public TimeSpan Remaining => Step == 0
        ? TimeSpan.Zero
        : TimeSpan.FromTicks(Elapsed.Ticks / Step * (TotalSteps - Step));
}
