using System.Globalization;
using PirMesh.Contracts;

namespace PirMesh.Host.Reporting;

/// <summary>
/// Flags runs whose objective gave almost every first image a PIR of about zero. The estimator learns PIR from the
/// spread of the first training batch; when nearly all of it falls in its lowest bin, there is nothing to learn, and
/// a tuning round costs its full time for little or no gain. Single filters of high ResNet-18 stages are like this.
/// </summary>
public static class SparseSignalCaveat
{
    /// <summary>Below this share of non-zero PIRs an objective is called sparse.</summary>
    public const double SparseShare = 0.05;

    /// <summary>The caveat in plain words, or null when the first batch had enough non-zero PIRs.</summary>
    /// <param name="initial">Round 1's training-batch spread; null when no round ran.</param>
    public static string? For(PirSpread? initial)
    {
        if (initial is null || initial.NonZeroShare >= SparseShare)
        {
            return null;
        }
        var share = ReportNumbers.Percent(initial.NonZeroShare, 1);
        var zero = initial.ZeroBelow.ToString("0.##", CultureInfo.InvariantCulture);
        var sd = initial.SdPir.ToString("0.####", CultureInfo.InvariantCulture);
        return $"The objective is sparse: only {share} of round 1's training images had a {initial.Basis} PIR of "
            + $"{zero} or more (SD {sd}), so the estimator had almost nothing to learn from and little or no gain "
            + "is to be expected. An objective over more filters, or an earlier stage, spreads its PIRs more.";
    }
}
