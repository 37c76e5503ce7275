namespace PirMesh.Learning.Statistics;

/// <summary>
/// Welch's unequal-variance two-sample t-test and Cohen's d, for asking whether a mean changed between
/// two independent samples (e.g. an objective before and after training).
/// </summary>
public static class WelchTest
{
    /// <summary>
    /// Compares the means of two independent samples without assuming equal variances.
    /// With vᵢ = sᵢ²/nᵢ: t = (x̄_after - x̄_before) / √(v₁ + v₂) and
    /// df = (v₁ + v₂)² / (v₁²/(n₁ - 1) + v₂²/(n₂ - 1)); the p-value is two-sided from Student's t with
    /// that real df, and the result is significant when p &lt; <paramref name="alpha"/>.
    /// Edge case: if both samples have zero variance the t statistic is 0/0 or d/0, so it is defined as
    /// t = 0, p = 1 when the means are equal and t = ±∞, p = 0 otherwise, with df = n₁ + n₂ - 2
    /// (the Satterthwaite formula is 0/0 there); Cohen's d follows the same rule (0 or ±∞).
    /// If only one variance is zero the formulas hold unchanged (df becomes n - 1 of the other side).
    /// </summary>
    /// <param name="before">The baseline sample; needs at least two finite values.</param>
    /// <param name="after">The sample compared with the baseline; needs at least two finite values.</param>
    /// <param name="alpha">Significance level in (0, 1); the default 0.001 is strict on purpose, because
    /// experiments run many comparisons and a 5% level would flag chance movements.</param>
    /// <exception cref="ArgumentException">A side has fewer than two values or a non-finite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">alpha is not in (0, 1).</exception>
    public static WelchResult Compare(ReadOnlySpan<double> before, ReadOnlySpan<double> after, double alpha = 0.001)
    {
        if (!(alpha > 0.0 && alpha < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie strictly between 0 and 1.");
        }

        var b = Summarize(before, nameof(before));
        var a = Summarize(after, nameof(after));
        var difference = a.Mean - b.Mean;
        var d = PooledEffect(difference, b, a);

        var vBefore = b.Variance / b.Count;
        var vAfter = a.Variance / a.Count;
        double t, df, p;
        if (vBefore == 0.0 && vAfter == 0.0)
        {
            t = difference == 0.0 ? 0.0 : difference * double.PositiveInfinity;
            df = b.Count + a.Count - 2;
            p = difference == 0.0 ? 1.0 : 0.0;
        }
        else
        {
            t = difference / Math.Sqrt(vBefore + vAfter);

            // Scaled by the larger term so that tiny variances cannot underflow v² to 0 and give 0/0.
            var scale = Math.Max(vBefore, vAfter);
            var rBefore = vBefore / scale;
            var rAfter = vAfter / scale;
            df = (rBefore + rAfter) * (rBefore + rAfter)
                / (rBefore * rBefore / (b.Count - 1) + rAfter * rAfter / (a.Count - 1));
            p = StudentT.TwoSidedPValue(t, df);
        }

        return new WelchResult(
            b.Mean, a.Mean, Math.Sqrt(b.Variance), Math.Sqrt(a.Variance), b.Count, a.Count,
            difference, t, df, p, p < alpha, d);
    }

    /// <summary>
    /// Cohen's d = (x̄_after - x̄_before) / s_pooled with
    /// s_pooled = √(((n₁ - 1)s₁² + (n₂ - 1)s₂²) / (n₁ + n₂ - 2)). When the pooled SD is zero, d is 0 for
    /// equal means and ±∞ otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">A side has fewer than two values or a non-finite value.</exception>
    public static double CohensD(ReadOnlySpan<double> before, ReadOnlySpan<double> after)
    {
        var b = Summarize(before, nameof(before));
        var a = Summarize(after, nameof(after));
        return PooledEffect(a.Mean - b.Mean, b, a);
    }

    private static double PooledEffect(double difference, Summary b, Summary a)
    {
        var pooledVariance = ((b.Count - 1) * b.Variance + (a.Count - 1) * a.Variance) / (b.Count + a.Count - 2);
        if (pooledVariance == 0.0)
        {
            return difference == 0.0 ? 0.0 : difference * double.PositiveInfinity;
        }

        return difference / Math.Sqrt(pooledVariance);
    }

    private static Summary Summarize(ReadOnlySpan<double> values, string side)
    {
        if (values.Length < 2)
        {
            throw new ArgumentException(
                $"The '{side}' sample needs at least two values; got {values.Length}.", side);
        }

        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"The '{side}' sample contains a non-finite value ({v}).", side);
            }
        }

        return new Summary(Descriptive.Mean(values), Descriptive.SampleVariance(values), values.Length);
    }

    private readonly record struct Summary(double Mean, double Variance, int Count);
}
