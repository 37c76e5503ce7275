namespace PirMesh.Learning.Statistics;

/// <summary>
/// Ordinary least-squares line y = slope × x + intercept: slope = Σ dxᵢ dyᵢ / Σ dxᵢ²,
/// intercept = ȳ - slope x̄, with deviations from the two-pass means (as in <see cref="Descriptive.Pearson"/>), so a
/// large common offset does not cancel the digits away.
/// </summary>
public static class LeastSquares
{
    /// <summary>The least-squares line of <paramref name="y"/> on <paramref name="x"/>.</summary>
    /// <returns>NaN for both when every x is the same: the slope is then undefined (0/0), not zero.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or hold fewer than two points.</exception>
    public static (double Slope, double Intercept) Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException(
                $"The sequences must have the same length; got {x.Length} and {y.Length}.", nameof(y));
        }

        if (x.Length < 2)
        {
            throw new ArgumentException($"At least two points are required; got {x.Length}.", nameof(x));
        }

        var meanX = Descriptive.Mean(x);
        var meanY = Descriptive.Mean(y);
        var sxy = 0.0;
        var sxx = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - meanX;
            sxy += dx * (y[i] - meanY);
            sxx += dx * dx;
        }

        if (sxx == 0.0)
        {
            return (double.NaN, double.NaN);
        }

        var slope = sxy / sxx;
        return (slope, meanY - slope * meanX);
    }
}
