using PirMesh.Learning.Statistics;

namespace PirMesh.Learning.Tests.Statistics;

public sealed class BinomialSamplerTests
{
    [Fact]
    public void Sample_ThousandTrials_MeanAndVarianceMatchBinomial()
    {
        const int n = 1000;
        const double p = 0.3;
        const int draws = 20_000;
        var sampler = new BinomialSampler(2024);
        var counts = new double[draws];
        for (var i = 0; i < draws; i++)
        {
            counts[i] = sampler.Sample(n, p);
        }

        // Binomial: μ = np = 300, σ² = npq = 210, central fourth moment μ₄ = npq(1 + 3(n - 2)pq).
        // The sample mean has SE √(σ²/m); the sample variance s² has Var(s²) = (μ₄ - σ⁴(m - 3)/(m - 1))/m,
        // here (132245.4 - 44095.6)/20000 ≈ 4.41, SD ≈ 2.10. Both bounds are 4 standard errors
        // (a correct sampler fails with probability below 1e-4 for an arbitrary seed).
        const double q = 1.0 - p;
        var variance = n * p * q;
        var fourthMoment = variance * (1.0 + 3.0 * (n - 2) * p * q);
        var meanError = Math.Sqrt(variance / draws);
        var varianceError = Math.Sqrt((fourthMoment - variance * variance * (draws - 3.0) / (draws - 1.0)) / draws);

        Assert.InRange(Descriptive.Mean(counts), n * p - 4 * meanError, n * p + 4 * meanError);
        Assert.InRange(Descriptive.SampleVariance(counts), variance - 4 * varianceError, variance + 4 * varianceError);
    }

    [Fact]
    public void Sample_FiveTrials_FrequenciesMatchExactProbabilities()
    {
        // Exactness check on the whole distribution, not only two moments: every frequency within 5 SE of
        // the binomial probability C(5, k) pᵏ q⁵⁻ᵏ for a non-dyadic p.
        const int n = 5;
        const double p = 0.3;
        const int draws = 200_000;
        var sampler = new BinomialSampler(11);
        var frequencies = new int[n + 1];
        for (var i = 0; i < draws; i++)
        {
            frequencies[sampler.Sample(n, p)]++;
        }

        int[] choose = [1, 5, 10, 10, 5, 1];
        for (var k = 0; k <= n; k++)
        {
            var probability = choose[k] * Math.Pow(p, k) * Math.Pow(1 - p, n - k);
            var standardError = Math.Sqrt(probability * (1 - probability) / draws);
            var frequency = (double)frequencies[k] / draws;
            Assert.InRange(frequency, probability - 5 * standardError, probability + 5 * standardError);
        }
    }

    [Fact]
    public void Sample_MillionTrials_MeanMatches()
    {
        const int n = 1_000_000;
        const double p = 0.123456789;
        const int draws = 2000;
        var sampler = new BinomialSampler(5);
        var counts = new double[draws];
        for (var i = 0; i < draws; i++)
        {
            counts[i] = sampler.Sample(n, p);
        }

        var standardError = Math.Sqrt(n * p * (1 - p) / draws);
        Assert.InRange(Descriptive.Mean(counts), n * p - 4 * standardError, n * p + 4 * standardError);
    }

    [Fact]
    public void Sample_MaximumN_StaysInRange()
    {
        var count = new BinomialSampler(3).Sample(int.MaxValue, 0.5);

        // SD of Binomial(2³¹ - 1, ½) is about 23,170; six SDs either side of the mean.
        Assert.InRange(count, int.MaxValue / 2 - 140_000, int.MaxValue / 2 + 140_000);
    }

    [Fact]
    public void Sample_ProbabilityZero_IsAlwaysZero()
    {
        var sampler = new BinomialSampler(1);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(0, sampler.Sample(1000, 0.0));
        }
    }

    [Fact]
    public void Sample_ProbabilityOne_IsAlwaysN()
    {
        var sampler = new BinomialSampler(1);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(1000, sampler.Sample(1000, 1.0));
        }
    }

    [Fact]
    public void Sample_ZeroTrials_IsZero() => Assert.Equal(0, new BinomialSampler(1).Sample(0, 0.5));

    [Fact]
    public void Sample_SmallestPositiveProbability_IsZeroInPractice() =>
        Assert.Equal(0, new BinomialSampler(1).Sample(1_000_000, double.Epsilon));

    [Fact]
    public void Sample_SameSeed_GivesSameSequence()
    {
        var first = new BinomialSampler(99);
        var second = new BinomialSampler(99);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(first.Sample(500, 0.37), second.Sample(500, 0.37));
        }
    }

    [Fact]
    public void Sample_DifferentSeeds_GiveDifferentSequences()
    {
        var first = new BinomialSampler(1);
        var second = new BinomialSampler(2);
        var differences = 0;
        for (var i = 0; i < 100; i++)
        {
            differences += first.Sample(1000, 0.5) != second.Sample(1000, 0.5) ? 1 : 0;
        }

        // Two independent Binomial(1000, ½) draws coincide with probability about 1.8%.
        Assert.True(differences > 80, $"Only {differences} of 100 draws differed.");
    }

    [Theory]
    [InlineData(-1, 0.5, "n")]
    [InlineData(10, -0.1, "p")]
    [InlineData(10, 1.1, "p")]
    [InlineData(10, double.NaN, "p")]
    [InlineData(10, double.PositiveInfinity, "p")]
    public void Sample_InvalidArguments_Throw(int n, double p, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BinomialSampler(1).Sample(n, p));

        Assert.Equal(parameter, error.ParamName);
    }
}
