namespace PirMesh.Host.Bench;

/// <summary>
/// One objective's row of the bench table, read from its run's <c>summary.json</c>. Before and after compare the
/// original generator with the generator after the last round (with one round, that round's start and end).
/// </summary>
/// <param name="Basis"><c>true</c>, or <c>observed</c> where the users' true PIRs are unknown.</param>
/// <param name="EstimatedChange">
/// The estimators' predicted change: after minus before, summed over the rounds (each round's estimator predicts its
/// own round, and the true rounds' changes add up to the whole loop's the same way).
/// </param>
/// <param name="InitialSd">SD of round 1's training PIRs: the objective's initial SD.</param>
/// <param name="NonZeroShare">Share of round 1's training PIRs at or above one estimator bin (0.01).</param>
/// <param name="SpreadBasis">Which PIRs <paramref name="InitialSd"/> and <paramref name="NonZeroShare"/> use.</param>
/// <param name="EstimatorValR">Validation Pearson r of the last round's estimator.</param>
/// <param name="Seconds">Wall time of the objective's run.</param>
/// <param name="RunFolder">The run folder, relative to the bench folder.</param>
/// <param name="SharedNetwork">True when the users and the estimator are the same network (see the caveat).</param>
public sealed record BenchResult(BenchObjective Objective, int Rounds, string Basis, double MeanBefore,
    double MeanAfter, double Change, double CohensD, double PValue, bool Significant, double EstimatedChange,
    double InitialSd, double NonZeroShare, string SpreadBasis, double EstimatorValR, double Seconds,
    string RunFolder, bool SharedNetwork);
