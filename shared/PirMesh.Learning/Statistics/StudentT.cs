namespace PirMesh.Learning.Statistics;

/// <summary>
/// Tail probabilities of Student's t distribution with real (not necessarily integer) degrees of freedom,
/// as needed by Welch's test whose Welch–Satterthwaite df is fractional.
/// </summary>
public static class StudentT
{
    /// <summary>
    /// Two-sided p-value P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2).
    /// x = df/(df + t²) and 1 - x are formed from the ratio t²/df (or df/t²) and their logarithms
    /// directly, so nothing cancels or overflows: t = 30, df = 1998 gives about 2e-163 with full relative
    /// accuracy, and t = 1e200, df = 1 gives 2/(π·1e200) although t² overflows.
    /// The result is 0 only when the true value is below the smallest double (about 5e-324).
    /// t = 0 gives exactly 1; t = ±∞ gives 0; t = NaN gives NaN. Symmetric in the sign of t.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">df is not a finite positive number.</exception>
    public static double TwoSidedPValue(double t, double degreesOfFreedom)
    {
        var df = degreesOfFreedom;
        if (!(df > 0.0 && double.IsFinite(df)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(degreesOfFreedom), df, "Degrees of freedom must be a finite positive number.");
        }

        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        var absT = Math.Abs(t);
        if (absT == 0.0)
        {
            return 1.0;
        }

        if (double.IsPositiveInfinity(absT))
        {
            return 0.0;
        }

        // ln(t²/df) from logs so that neither t² nor its ratio to df has to be representable.
        var logRatio = 2.0 * Math.Log(absT) - Math.Log(df);
        double x, y, logX, logY;
        if (logRatio > 0.0)
        {
            // t² > df: r = df/t² < 1, x = r/(1+r), y = 1/(1+r).
            var r = Math.Exp(-logRatio);
            var log1PR = SpecialFunctions.Log1P(r);
            x = r / (1.0 + r);
            y = 1.0 / (1.0 + r);
            logX = -logRatio - log1PR;
            logY = -log1PR;
        }
        else
        {
            // t² ≤ df: s = t²/df ≤ 1, x = 1/(1+s), y = s/(1+s).
            var s = Math.Exp(logRatio);
            var log1PS = SpecialFunctions.Log1P(s);
            x = 1.0 / (1.0 + s);
            y = s / (1.0 + s);
            logX = -log1PS;
            logY = logRatio - log1PS;
        }

        var p = SpecialFunctions.RegularizedIncompleteBeta(0.5 * df, 0.5, x, y, logX, logY);
        return Math.Clamp(p, 0.0, 1.0);
    }

    /// <summary>
    /// One-sided (upper-tail) p-value P(T ≥ t): half the two-sided value for t ≥ 0, and one minus that
    /// half for t &lt; 0. Use it for the directional question "did the mean go up?".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">df is not a finite positive number.</exception>
    public static double UpperTailPValue(double t, double degreesOfFreedom)
    {
        var half = 0.5 * TwoSidedPValue(t, degreesOfFreedom);
        return t >= 0.0 || double.IsNaN(t) ? half : 1.0 - half;
    }
}
