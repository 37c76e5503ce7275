using PirMesh.Learning.Objectives;
using PirMesh.Learning.Pretrained;
using static TorchSharp.torch;

namespace PirMesh.Learning.Tests.Objectives;

public sealed class FeatureObjectiveTests
{
    /// <summary>
    /// Two images, four 2x2 filter maps. Image 0: filter 0 all ones (energy 4), filter 1 all twos (16), filter 2
    /// zero, filter 3 a single 3 (9); total 29. Image 1: no activity at all.
    /// </summary>
    private static Tensor HandMadeActivations()
    {
        var values = new float[2 * 4 * 2 * 2];
        for (var i = 0; i < 4; i++)
        {
            values[0 * 4 + i] = 1;
            values[1 * 4 + i] = 2;
        }
        values[3 * 4] = 3;
        return tensor(values, [2, 4, 2, 2]);
    }

    [Theory]
    [InlineData(new long[] { 1, 3 }, 25.0 / 29)]
    [InlineData(new long[] { 0 }, 4.0 / 29)]
    [InlineData(new long[] { 2 }, 0.0)]
    [InlineData(new long[] { 3, 2, 1, 0 }, 1.0)]
    public void Formula_HandMadeActivations_GivesTheSquareRootOfTheChosenShare(long[] chosen, double share)
    {
        using var scope = NewDisposeScope();
        var energies = FeatureObjective.FilterEnergies(HandMadeActivations());
        Assert.Equal(new[] { 4.0, 16, 0, 9, 0, 0, 0, 0 }, energies.flatten().data<double>().ToArray());
        var pir = FeatureObjective.FromFilterEnergies(energies, chosen).data<double>().ToArray();
        Assert.Equal(Math.Sqrt(share), pir[0], 12);
        Assert.Equal(0.0, pir[1]);
    }

    [Fact]
    public void DrawFilters_SameSeed_SameFiltersWithoutRepeats()
    {
        var first = FeatureObjective.DrawFilters(256, 20, 7);
        Assert.Equal(first, FeatureObjective.DrawFilters(256, 20, 7));
        Assert.Equal(20, first.Distinct().Count());
        Assert.All(first, f => Assert.InRange(f, 0, 255));
        Assert.NotEqual(first, FeatureObjective.DrawFilters(256, 20, 8));
        var all = FeatureObjective.DrawFilters(64, 64, 3);
        Assert.Equal(Enumerable.Range(0, 64).Select(i => (long)i), all.Order());
    }

    [Fact]
    public void DrawFilters_ManySeeds_CoverEveryFilterEvenly()
    {
        var counts = new int[64];
        for (var seed = 0; seed < 6400; seed++)
        {
            counts[FeatureObjective.DrawFilters(64, 1, seed)[0]]++;
        }
        // 100 expected per filter; a binomial SD of about 10.
        Assert.All(counts, c => Assert.InRange(c, 55, 145));
    }

    [Theory]
    [InlineData("resnet18:layer3:k20:s7", "layer3", 20, 7)]
    [InlineData("ResNet18:Stem:k1:s0", "stem", 1, 0)]
    [InlineData("resnet18:pooled:k512:s1", "pooled", 512, 1)]
    [InlineData("  resnet18:layer4:k2:s3 ", "layer4", 2, 3)]
    public void Parse_ValidNames_GiveTheStageKAndSeed(string name, string stage, int k, long seed)
    {
        var objective = Assert.IsType<FeatureObjective>(ObjectiveCatalog.Parse(name));
        Assert.Equal((stage, k, seed), (objective.Stage, objective.K, objective.Seed));
        Assert.Equal($"resnet18:{stage}:k{k}:s{seed}", objective.Name);
        Assert.Equal("resnet18", objective.Network);
        Assert.Equal(k, objective.Filters.Count);
    }

    [Theory]
    [InlineData("resnet18:layer9:k1:s1", "unknown ResNet-18 stage 'layer9'")]
    [InlineData("resnet18:layer1:k65:s1", "stage layer1 has 64 filters; k = 65 is larger")]
    [InlineData("resnet18:layer1:k0:s1", "at least 1")]
    [InlineData("resnet18:layer1:k2", "resnet18:<stage>:k<filters>:s<seed>")]
    [InlineData("resnet18", "resnet18:<stage>:k<filters>:s<seed>")]
    [InlineData("resnet18:layer1:k1:s-1", "the filter seed must be a whole number from 0")]
    [InlineData("resnet18:layer1:k-3:s1", "k must be a whole number of at least 1, got '-3'")]
    public void Parse_BadNames_SayWhatIsWrong(string name, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ObjectiveCatalog.Parse(name));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Locate_MissingModelFolder_NamesTheFileAndThePackage()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pirmesh-no-model-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Throws<FileNotFoundException>(() => ResNet18.Load(folder: folder));
        Assert.Contains(Path.Combine(folder, "ResNet18.onnx"), error.Message);
        Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18", error.Message);
    }

    [Fact]
    public void Load_AFileThatIsNotOnnx_SaysSo()
    {
        var folder = Directory.CreateTempSubdirectory("pirmesh-bad-model").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "ResNet18.onnx"), "not a model");
            File.Copy(Path.Combine(ResNet18Files.Folder, ResNet18Files.PreprocessFileName),
                Path.Combine(folder, ResNet18Files.PreprocessFileName));
            var error = Assert.Throws<InvalidDataException>(() => ResNet18.Load(folder: folder));
            Assert.Contains("ResNet18.onnx", error.Message);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Load_ASideThatIsNotAMultipleOf32_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ResNet18.Load(side: 100));
        Assert.Contains("multiple of 32", error.Message);
    }

    [Fact]
    public void TruePir_RandomImages_InUnitIntervalRepeatableAndOneForEveryFilter()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var images = rand(3, 3, 32, 32);
        var some = ObjectiveCatalog.Parse("resnet18:layer2:k20:s1");
        var first = some.TruePir(images).data<float>().ToArray();
        Assert.Equal(first, some.TruePir(images).data<float>().ToArray());
        Assert.All(first, p => Assert.InRange(p, 0.01f, 0.999f));
        var every = ObjectiveCatalog.Parse("resnet18:layer2:k128:s1").TruePir(images).data<float>().ToArray();
        Assert.All(every, p => Assert.Equal(1f, p, 5));
        Assert.False(some.TruePir(images).requires_grad);
    }
}
