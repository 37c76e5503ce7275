using PirMesh.Host.Bench;

namespace PirMesh.Services.Tests;

public sealed class BenchTablesTests : IDisposable
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly BenchSettings Settings = new()
    {
        Preset = "smoke", Rounds = 1, ImagesPerRound = 64, EvaluationImages = 64, ImpressionsPerImage = 50,
        DataDirectory = "/data/photos", ClassMapFile = null, Estimator = "scratch", Seed = 1, Threads = 1,
    };

    // Single-colour: estimated 0.01, 0.02, 0.03 against true 0.02, 0.03, 0.05, so x̄ = 0.02, ȳ = 0.1 / 3,
    // Σ dx dy = (-0.01)(-0.04 / 3) + 0 + (0.01)(0.05 / 3) = 0.0003, Σ dx² = 0.0002: β = 1.5.
    // Cohen's d 0.2, 1.0, 0.6: median 0.6. Two significant, both up.
    // Two-colour: one significant fall and one n.s. rise; d -0.8 and 0.4: median -0.2; β from two points:
    // (0.01 - (-0.03)) / (0.02 - 0.01) = 4.
    private static readonly BenchResult[] Results =
    [
        Result("red", "single-colour", 0.02, 0.01, 0.2, significant: true),
        Result("green", "single-colour", 0.03, 0.02, 1.0, significant: false),
        Result("blue", "single-colour", 0.05, 0.03, 0.6, significant: true),
        Result("red|green", "two-colour", -0.03, 0.01, -0.8, significant: true),
        Result("green|blue", "two-colour", 0.01, 0.02, 0.4, significant: false),
    ];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "pirmesh-tables-" + Guid.NewGuid().ToString("N"));

    public BenchTablesTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static BenchResult Result(string name, string family, double change, double estimated, double d,
        bool significant) =>
        new(new BenchObjective(name, family, family), 1, "true", 0.5, 0.5 + change, change, d,
            significant ? 1e-6 : 0.2, significant, estimated, 0.0125, 0.75, "true", 0.9, 61.5,
            $"objectives/0x-{BenchManifest.SafeName(name)}", false);

    [Fact]
    public void Csv_KnownResults_OneRowEachWithInvariantNumbers()
    {
        var lines = BenchTables.Csv(Results).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(6, lines.Length);
        Assert.Equal("family,group,objective,rounds,basis,mean_pir_before,mean_pir_after,change_in_mean_pir,cohens_d,"
            + "welch_p,significant_at_0.001,estimated_change,initial_sd,non_zero_share,spread_basis,estimator_val_r,"
            + "seconds,shared_network,run_folder", lines[0]);
        Assert.Equal("single-colour,single-colour,red,1,true,0.5,0.52,0.02,0.2,1E-06,true,0.01,0.0125,0.75,true,0.9,"
            + "61.5,false,objectives/0x-red", lines[1]);
        Assert.Equal("two-colour,two-colour,red|green,1,true,0.5,0.47,-0.03,-0.8,1E-06,true,0.01,0.0125,0.75,true,"
            + "0.9,61.5,false,objectives/0x-red_green", lines[4]);
        var shared = BenchTables.Csv([Results[3] with { SharedNetwork = true }]).Split('\n')[1];
        Assert.EndsWith(",61.5,true,objectives/0x-red_green", shared);
    }

    [Fact]
    public void Csv_NotANumberAndCommas_EmptyCellAndQuotedText()
    {
        var odd = Results[0] with
        {
            Objective = new BenchObjective("a,\"b\"", "custom", "a,\"b\""), CohensD = double.NaN,
        };

        var row = BenchTables.Csv([odd]).Split('\n')[1];

        Assert.StartsWith("custom,\"a,\"\"b\"\"\",\"a,\"\"b\"\"\",1,true,0.5,0.52,0.02,,1E-06,", row);
    }

    [Fact]
    public void Families_KnownResults_CountsMediansAndSlopes()
    {
        var families = BenchTables.Families(Results);

        var single = families[0];
        Assert.Equal(("single-colour", 3, 2, 2, 0), (single.Family, single.Count, single.Significant, single.Improved,
            single.Worse));
        Assert.Equal(0.6, single.MedianCohensD, 12);
        Assert.Equal(1.5, single.IntrospectionSlope, 9);
        var two = families[1];
        Assert.Equal((2, 1, 0, 1), (two.Count, two.Significant, two.Improved, two.Worse));
        Assert.Equal(-0.2, two.MedianCohensD, 12);
        Assert.Equal(4.0, two.IntrospectionSlope, 9);
    }

    [Fact]
    public void Slope_OneObjective_IsNaN()
    {
        Assert.True(double.IsNaN(BenchTables.Slope([Results[0]])));
    }

    [Fact]
    public void Markdown_KnownResults_GroupsByFamilyWithSummaryRowsAndEscapedNames()
    {
        var text = BenchTables.Markdown(Settings, 9, Results, BenchCharts.Files);

        Assert.StartsWith("# PirMesh bench: 9 objectives, preset `smoke`", text);
        Assert.Contains("5 of 9 finished.", text);
        Assert.Contains("| single-colour | 3 | 2 | 2 | 0 | 0.60 | 1.50 |", text);
        Assert.Contains("| two-colour | 2 | 1 | 0 | 1 | -0.20 | 4.00 |", text);
        Assert.Contains("### single-colour", text);
        Assert.Contains("### two-colour", text);
        Assert.Contains("| two-colour | `red\\|green` | true | 0.5000 | 0.4700 | -0.0300 | -0.80 | 1.0e-6 | yes | "
            + "+0.0100 | 0.0125 | 75.0% | 0.90 | 61.5 s | [report](objectives/0x-red_green/report.md) |", text);
        Assert.Contains("![introspection.png](introspection.png)", text);
        Assert.DoesNotContain("†", text);
    }

    [Fact]
    public void Markdown_SharedNetwork_MarksTheObjectiveAndExplains()
    {
        var shared = Results[0] with
        {
            Objective = new BenchObjective("resnet18:layer3:k1:s1", "resnet18-k1", "layer3"), SharedNetwork = true,
        };

        var text = BenchTables.Markdown(Settings with { Estimator = "resnet18" }, 1, [shared], []);

        Assert.Contains("`resnet18:layer3:k1:s1` †", text);
        Assert.Contains(
            "† The simulated users and the PIR estimator are computed by the same pretrained network", text);
    }

    [Fact]
    public async Task WriteAsync_KnownResults_WritesTablesAndThreePngs()
    {
        await BenchOutputs.WriteAsync(folder, Settings, 5, Results);

        foreach (var png in BenchCharts.Files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, png), TestContext.Current.CancellationToken);
            Assert.True(bytes.AsSpan().StartsWith(PngMagic), png);
        }

        Assert.Equal(6, (await File.ReadAllLinesAsync(Path.Combine(folder, "bench.csv"),
            TestContext.Current.CancellationToken)).Length);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp-*"));
    }

    [Theory]
    [InlineData(42, "42 s")]
    [InlineData(210, "3.5 min")]
    [InlineData(7560, "2.1 h")]
    [InlineData(double.NaN, "unknown")]
    public void Duration_ChoosesAUnit(double seconds, string expected)
    {
        Assert.Equal(expected, BenchRunner.Duration(seconds));
    }
}
