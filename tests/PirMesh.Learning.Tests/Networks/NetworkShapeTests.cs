using PirMesh.Learning.Networks;
using PirMesh.Learning.Training;
using static TorchSharp.torch;

namespace PirMesh.Learning.Tests.Networks;

public sealed class NetworkShapeTests
{
    public static TheoryData<string> Presets() => new(Preset.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Presets))]
    public void Generator_EveryPreset_MakesImagesOfThePresetSizeInMinusOneToOne(string name)
    {
        var preset = Preset.Named(name);
        using var gan = new GanModel(preset, ["mountains", "coasts"]);
        using var scope = NewDisposeScope();
        var images = gan.Generator.forward(randn(3, preset.LatentSize), tensor(new long[] { 0, 1, 0 }));
        Assert.Equal(new long[] { 3, 3, preset.Resolution, preset.Resolution }, images.shape);
        Assert.True(images.abs().max().item<float>() <= 1f);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Discriminator_EveryPreset_GivesOneSourceLogitAndClassLogitsPerImage(string name)
    {
        var preset = Preset.Named(name);
        using var gan = new GanModel(preset, ["mountains", "coasts"]);
        using var scope = NewDisposeScope();
        var (source, classes) = gan.Discriminator.forward(randn(4, 3, preset.Resolution, preset.Resolution));
        Assert.Equal(new long[] { 4 }, source.shape);
        Assert.Equal(new long[] { 4, 2 }, classes.shape);
    }

    [Theory]
    [InlineData("scratch")]
    [InlineData("discriminator")]
    [InlineData("resnet18")]
    public void Estimator_EveryBackbone_GivesHundredBinLogitsAndAnEstimateInUnitInterval(string backbone)
    {
        var preset = Preset.Smoke;
        using var gan = new GanModel(preset, ["a", "b"]);
        using var estimator = EstimatorFactory.Create(backbone, preset, 2, gan.Discriminator);
        estimator.eval();
        using var scope = NewDisposeScope();
        var images = rand(5, 3, preset.Resolution, preset.Resolution);
        Assert.Equal(new long[] { 5, 100 }, estimator.forward(images).shape);
        var estimate = estimator.Estimate(images);
        Assert.True(estimate.min().item<float>() >= 0.005f && estimate.max().item<float>() <= 0.995f);
    }

    [Fact]
    public void Generator_WidthsThatDoNotReachTheResolution_Throw()
    {
        var error = Assert.Throws<ArgumentException>(() => new ImageGenerator(64, 2, [32, 16], 32));
        Assert.Contains("not 32", error.Message);
    }
}
