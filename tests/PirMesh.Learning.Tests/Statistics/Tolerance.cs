namespace PirMesh.Learning.Tests.Statistics;

/// <summary>Relative-error assertions for values that span many orders of magnitude (p-values).</summary>
internal static class Tolerance
{
    public static void Relative(double expected, double actual, double relativeError)
    {
        var error = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(
            error <= relativeError,
            $"Expected {expected:R}, got {actual:R}: relative error {error:E2} exceeds {relativeError:E2}.");
    }
}
