using PirMesh.Contracts;
using PirMesh.Host.Reporting;

namespace PirMesh.Services.Tests;

public sealed class SparseSignalCaveatTests
{
    [Theory]
    [InlineData(0.0, 0.0, "0.0%")]
    [InlineData(0.0017, 0.049, "4.9%")]
    [InlineData(0.02, 1.0, null)]
    public void For_ShareBelowFivePercent_SaysTheObjectiveIsSparse(double sd, double share,
        string? shown)
    {
        var caveat = SparseSignalCaveat.For(new PirSpread("true", sd, share, 0.01));
        if (shown is null)
        {
            Assert.Null(caveat);
            return;
        }

        Assert.NotNull(caveat);
        Assert.Contains($"only {shown} of round 1's training images had a true PIR of 0.01 or more", caveat);
    }

    [Fact]
    public void For_WhatTheBenchSaw_FlagsOnlyTheSparseSingleFilter()
    {
        // resnet18:layer3:k1:s1 and layer4:k1:s1 on the cpu preset: 7.5% and 24.6% non-zero; a 4% one is flagged.
        Assert.Null(SparseSignalCaveat.For(new PirSpread("true", 0.0048, 0.075, 0.01)));
        Assert.Null(SparseSignalCaveat.For(new PirSpread("true", 0.0172, 0.246, 0.01)));
        Assert.NotNull(SparseSignalCaveat.For(new PirSpread("observed", 0.0048, 0.04, 0.01)));
        Assert.Null(SparseSignalCaveat.For(null));
    }
}
