using System.Globalization;

namespace PirMesh.Learning.Statistics;

/// <summary>How PirMesh writes p-values, in reports and logs alike.</summary>
public static class PValueText
{
    // The smallest normal double is about 2.2e-308, so a p-value that came out as exactly 0 underflowed and is
    // certainly below this bound; printing "0" would claim a certainty no test has.
    private const string UnderflowBound = "1e-300";

    // Below this, fixed notation needs too many zeros to read.
    private const double ScientificBelow = 1e-4;

    /// <summary>For a table cell: <c>0.0123</c>, <c>3.2e-45</c>, <c>&lt; 1e-300</c>; "n/a" when not finite.</summary>
    public static string Value(double p) => p switch
    {
        _ when !double.IsFinite(p) => "n/a",
        <= 0 => "< " + UnderflowBound,
        < ScientificBelow => p.ToString("0.0e0", CultureInfo.InvariantCulture),
        _ => p.ToString("G3", CultureInfo.InvariantCulture),
    };

    /// <summary>Inside a sentence: <c>p = 0.0123</c> or <c>p &lt; 1e-300</c>.</summary>
    public static string Clause(double p) => double.IsFinite(p) && p <= 0 ? "p " + Value(p) : "p = " + Value(p);
}
