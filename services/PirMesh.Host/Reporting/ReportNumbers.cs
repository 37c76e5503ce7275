using System.Globalization;
using PirMesh.Learning.Statistics;

namespace PirMesh.Host.Reporting;

/// <summary>How the report writes numbers: invariant culture, "n/a" for anything not finite.</summary>
internal static class ReportNumbers
{
    private const string NotAvailable = "n/a";

    public static string Fixed(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + decimals, CultureInfo.InvariantCulture) : NotAvailable;

    /// <summary>With an explicit sign; a change too small for the decimals is shown in scientific notation.</summary>
    public static string Signed(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            return NotAvailable;
        }

        if (value != 0 && Math.Abs(value) < 0.5 * Math.Pow(10, -decimals))
        {
            return value.ToString("+0.0e0;-0.0e0", CultureInfo.InvariantCulture);
        }

        var digits = new string('0', decimals);
        var format = decimals == 0 ? "+0;-0;0" : $"+0.{digits};-0.{digits};0.{digits}";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A p-value for a table cell: <c>0.0123</c>, <c>3.2e-45</c> or <c>&lt; 1e-300</c>.</summary>
    public static string P(double p) => PValueText.Value(p);

    /// <summary>A p-value inside a sentence: <c>p = 0.0123</c> or <c>p &lt; 1e-300</c>.</summary>
    public static string PClause(double p) => PValueText.Clause(p);

    /// <summary>A share in [0, 1] as a percentage, such as <c>98.5%</c>.</summary>
    public static string Percent(double share, int decimals) =>
        double.IsFinite(share) ? Fixed(100 * share, decimals) + "%" : NotAvailable;

    /// <summary>
    /// A batch's spread in words, for the report and the terminal: <c>SD of true PIR 0.0123, non-zero share
    /// 98.0% (PIR ≥ 0.01)</c>.
    /// </summary>
    public static string Spread(PirSpreadSummary spread) =>
        $"SD of {spread.Basis} PIR {Fixed(spread.SdPir, 4)}, non-zero share {Percent(spread.NonZeroShare, 1)} "
        + $"({spread.Basis} PIR ≥ {spread.ZeroBelow.ToString("G", CultureInfo.InvariantCulture)})";

    public static string Seconds(double seconds) => Fixed(seconds, 1) + " s";

    public static string Count(int n, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? singular : plural)}");

    public static string Alpha(double alpha) => alpha.ToString("G", CultureInfo.InvariantCulture);
}
