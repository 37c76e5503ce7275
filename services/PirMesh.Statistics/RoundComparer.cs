using PirMesh.Contracts;
using PirMesh.Learning.Statistics;
using PirMesh.ServiceDefaults;

namespace PirMesh.Statistics;

/// <summary>
/// Compares PIRs after tuning with PIRs before: change in mean, Cohen's d over the pooled SD, and Welch's t-test
/// (Welch–Satterthwaite df, two-sided p), significant below alpha.
/// </summary>
public static class RoundComparer
{
    /// <summary>Significance threshold of every comparison.</summary>
    public const double Alpha = 0.001;

    public static TestResult Compare(IReadOnlyList<double> before, IReadOnlyList<double> after)
    {
        var result = WelchTest.Compare(before.ToArray(), after.ToArray(), Alpha);
        return new TestResult(
            new PirSummary(result.MeanBefore, result.SdBefore, result.NBefore),
            new PirSummary(result.MeanAfter, result.SdAfter, result.NAfter),
            result.Difference, result.CohensD, result.T, result.Df, result.PValue, result.Significant);
    }

    public static Comparison Compare(BlobRef beforeRef, InteractionTable before, BlobRef afterRef,
        InteractionTable after, double? estimatedBefore, double? estimatedAfter)
    {
        var observed = Compare(before.Observed(), after.Observed());
        var beforeTrue = before.True();
        var afterTrue = after.True();
        var truth = beforeTrue is null || afterTrue is null ? null : Compare(beforeTrue, afterTrue);
        return new Comparison(beforeRef, afterRef, observed, truth, estimatedBefore, estimatedAfter);
    }
}
