namespace PirMesh.Learning.Statistics;

/// <summary>
/// Outcome of <see cref="WelchTest.Compare"/>: did the mean move from <c>before</c> to <c>after</c>?
/// </summary>
/// <param name="MeanBefore">Sample mean of the first sample.</param>
/// <param name="MeanAfter">Sample mean of the second sample.</param>
/// <param name="SdBefore">Sample standard deviation (n - 1 denominator) of the first sample.</param>
/// <param name="SdAfter">Sample standard deviation (n - 1 denominator) of the second sample.</param>
/// <param name="NBefore">Size of the first sample.</param>
/// <param name="NAfter">Size of the second sample.</param>
/// <param name="Difference">MeanAfter - MeanBefore; positive when the mean went up.</param>
/// <param name="T">Welch's t = Difference / √(s₁²/n₁ + s₂²/n₂); same sign as Difference.</param>
/// <param name="Df">Welch–Satterthwaite degrees of freedom (usually fractional).</param>
/// <param name="PValue">Two-sided p-value P(|T_df| ≥ |t|).</param>
/// <param name="Significant">PValue &lt; alpha.</param>
/// <param name="CohensD">Difference divided by the pooled standard deviation.</param>
public sealed record WelchResult(
    double MeanBefore,
    double MeanAfter,
    double SdBefore,
    double SdAfter,
    int NBefore,
    int NAfter,
    double Difference,
    double T,
    double Df,
    double PValue,
    bool Significant,
    double CohensD);
