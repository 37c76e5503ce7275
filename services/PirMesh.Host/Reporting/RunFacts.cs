namespace PirMesh.Host.Reporting;

/// <summary>
/// What the host knows about a run that the loop's messages do not carry: where and how long it ran.
/// These vary between runs of the same seed, so the report keeps them out of the per-round numbers.
/// </summary>
/// <param name="Threads">Compute threads the run used.</param>
/// <param name="Device">Torch device type, such as <c>CPU</c> or <c>CUDA</c>.</param>
/// <param name="TotalSeconds">Wall time from start-up to the loop's end, in seconds.</param>
/// <param name="PeakResidentMegabytes">Peak resident set size of the process in MiB; NaN when unknown.</param>
/// <param name="StartedAt">When the run started.</param>
public sealed record RunFacts(int Threads, string Device, double TotalSeconds, double PeakResidentMegabytes,
    DateTimeOffset StartedAt);
