namespace PirMesh.Learning.Statistics;

/// <summary>
/// Descriptive statistics over spans of doubles, written for numerical stability rather than speed:
/// sums are compensated and dispersions use the corrected two-pass algorithm, so a large common offset
/// (e.g. scores around 1e6 differing in the fifth digit) does not cancel away the variance.
/// NaN inputs propagate to NaN results; nothing is silently skipped.
/// </summary>
public static class Descriptive
{
    /// <summary>Arithmetic mean, (1/n) Σ xᵢ, summed with Neumaier compensation.</summary>
    /// <exception cref="ArgumentException">The span is empty (the mean of nothing is undefined).</exception>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The mean of an empty sequence is undefined.", nameof(values));
        }

        var sum = 0.0;
        var compensation = 0.0;
        foreach (var v in values)
        {
            var t = sum + v;
            compensation += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }

        // With an infinite term the compensation is inf - inf = NaN; the plain sum is then the right answer.
        return double.IsFinite(sum) ? (sum + compensation) / values.Length : sum / values.Length;
    }

    /// <summary>
    /// Unbiased sample variance s² = Σ (xᵢ - x̄)² / (n - 1), by the corrected two-pass algorithm
    /// (Chan, Golub and LeVeque 1983): the second pass subtracts (Σ dᵢ)² / n, which removes the rounding
    /// error left in x̄. The result is never negative.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two values (n - 1 would be zero).</exception>
    public static double SampleVariance(ReadOnlySpan<double> values)
    {
        RequireAtLeastTwo(values.Length, nameof(values));
        var mean = Mean(values);
        var sumSquares = 0.0;
        var sumDeviations = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            sumSquares += d * d;
            sumDeviations += d;
        }

        var variance = (sumSquares - sumDeviations * sumDeviations / values.Length) / (values.Length - 1);
        return Math.Max(variance, 0.0);
    }

    /// <summary>
    /// Sample standard deviation s = √s², with the n - 1 denominator of <see cref="SampleVariance"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two values.</exception>
    public static double SampleStandardDeviation(ReadOnlySpan<double> values) => Math.Sqrt(SampleVariance(values));

    /// <summary>
    /// Pearson correlation r = Σ dxᵢ dyᵢ / √(Σ dxᵢ² · Σ dyᵢ²), with deviations from the two-pass means.
    /// Returns NaN when either side has zero variance, because the correlation is then undefined (0/0),
    /// not zero. The result is clamped to [-1, 1] against rounding.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length or hold fewer than two points.</exception>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        RequireSameLength(x.Length, y.Length);
        RequireAtLeastTwo(x.Length, nameof(x));
        var meanX = Mean(x);
        var meanY = Mean(y);
        var sxy = 0.0;
        var sxx = 0.0;
        var syy = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (sxx == 0.0 || syy == 0.0)
        {
            return double.NaN;
        }

        // Two square roots rather than one of the product: the product can overflow for large values.
        var r = sxy / (Math.Sqrt(sxx) * Math.Sqrt(syy));
        return double.IsNaN(r) ? r : Math.Clamp(r, -1.0, 1.0);
    }

    /// <summary>Mean absolute error, (1/n) Σ |xᵢ - yᵢ|.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double MeanAbsoluteError(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        RequireSameLength(x.Length, y.Length);
        if (x.IsEmpty)
        {
            throw new ArgumentException("The mean absolute error of empty sequences is undefined.", nameof(x));
        }

        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += Math.Abs(x[i] - y[i]);
        }

        return sum / x.Length;
    }

    private static void RequireAtLeastTwo(int length, string name)
    {
        if (length < 2)
        {
            throw new ArgumentException($"At least two values are required; got {length}.", name);
        }
    }

    private static void RequireSameLength(int xLength, int yLength)
    {
        if (xLength != yLength)
        {
            throw new ArgumentException(
                $"The sequences must have the same length; got {xLength} and {yLength}.", "y");
        }
    }
}
