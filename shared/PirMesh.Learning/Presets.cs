namespace PirMesh.Learning;

/// <summary>
/// Model sizes and schedules. <c>paper</c> is the published configuration; the others scale widths, resolution,
/// steps and learning rates down so the loop fits a small CPU machine.
/// </summary>
public sealed record Preset
{
    public required string Name { get; init; }

    /// <summary>Side of the square images, pixels. Must be 4 x 2^k.</summary>
    public required int Resolution { get; init; }

    /// <summary>Generator channel widths, from the 4x4 layer up; one upsampling between consecutive entries.</summary>
    public required int[] GeneratorWidths { get; init; }

    /// <summary>Discriminator channel widths of its six 3x3 convolutions (strides 2,1,2,1,2,1).</summary>
    public required int[] DiscriminatorWidths { get; init; }

    /// <summary>Latent size; 64 in every preset as in the paper.</summary>
    public int LatentSize { get; init; } = 64;

    public required int BatchSize { get; init; }

    public required int PretrainSteps { get; init; }

    public required double PretrainGeneratorLr { get; init; }

    public required double PretrainDiscriminatorLr { get; init; }

    /// <summary>Generator steps when tuning against the PIR estimator.</summary>
    public required int TuneSteps { get; init; }

    public required double TuneGeneratorLr { get; init; }

    public required double TuneDiscriminatorLr { get; init; }

    /// <summary>Weight of the estimated PIR in the generator's objective (1000 in the paper).</summary>
    public double PirWeight { get; init; } = 1000;

    /// <summary>Weight of the fake-image class term in the generator's objective (ACGAN).</summary>
    public double FakeClassWeight { get; init; } = 1.5;

    /// <summary>Weight of the real-image class term in the discriminator's objective (ACGAN).</summary>
    public double RealClassWeight { get; init; } = 1.0;

    /// <summary>Passes over the labelled images when training the estimator.</summary>
    public required int EstimatorEpochs { get; init; }

    public double EstimatorLr { get; init; } = 5e-4;

    public int EstimatorBatchSize { get; init; } = 32;

    /// <summary>
    /// Side the images are resized to for the ResNet-18 estimator backbone (a multiple of 32). 224 is the
    /// network's own; the small presets feed their 32-pixel images as they are, which costs about 1/49 as much.
    /// </summary>
    public required int ResNetSide { get; init; }

    /// <summary>Channel widths of the from-scratch estimator backbone.</summary>
    public required int[] EstimatorWidths { get; init; }

    /// <summary>Share of a round's labelled images held out to validate the estimator.</summary>
    public double ValidationShare { get; init; } = 0.15;

    /// <summary>Number of random crops prepared from the photos for GAN training.</summary>
    public required int CropPoolSize { get; init; }

    /// <summary>Steps between progress lines and loss-history points.</summary>
    public int LogEvery { get; init; } = 50;

    public static Preset Smoke { get; } = new()
    {
        Name = "smoke",
        Resolution = 16,
        GeneratorWidths = [32, 32, 16],
        DiscriminatorWidths = [8, 16, 16, 32, 32, 64],
        BatchSize = 32,
        PretrainSteps = 150,
        PretrainGeneratorLr = 1e-3,
        PretrainDiscriminatorLr = 1e-3,
        TuneSteps = 60,
        TuneGeneratorLr = 3e-4,
        TuneDiscriminatorLr = 5e-4,
        EstimatorEpochs = 8,
        EstimatorWidths = [8, 16, 32],
        ResNetSide = 32,
        CropPoolSize = 2000,
        LogEvery = 25,
    };

    public static Preset Cpu { get; } = new()
    {
        Name = "cpu",
        Resolution = 32,
        GeneratorWidths = [64, 64, 32, 16],
        DiscriminatorWidths = [16, 32, 32, 64, 64, 128],
        BatchSize = 64,
        PretrainSteps = 3000,
        PretrainGeneratorLr = 2e-4,
        PretrainDiscriminatorLr = 2e-4,
        TuneSteps = 500,
        TuneGeneratorLr = 1e-4,
        TuneDiscriminatorLr = 5e-5,
        EstimatorEpochs = 12,
        EstimatorWidths = [16, 32, 64],
        ResNetSide = 32,
        CropPoolSize = 20000,
    };

    /// <summary>The published configuration: 64x64, widths 512-512-256-128-64, 1.1M pretraining steps.</summary>
    public static Preset Paper { get; } = new()
    {
        Name = "paper",
        Resolution = 64,
        GeneratorWidths = [512, 512, 256, 128, 64],
        DiscriminatorWidths = [16, 32, 64, 128, 256, 512],
        BatchSize = 64,
        PretrainSteps = 1_100_000,
        PretrainGeneratorLr = 1e-5,
        PretrainDiscriminatorLr = 1e-5,
        TuneSteps = 50_000,
        TuneGeneratorLr = 1e-6,
        TuneDiscriminatorLr = 1e-6,
        EstimatorEpochs = 25,
        EstimatorWidths = [32, 64, 128, 256],
        ResNetSide = 224,
        // 100,000 crops of 64x64 RGB are 1.2 GB, the most one byte array holds comfortably.
        CropPoolSize = 100_000,
    };

    public static IReadOnlyList<Preset> All { get; } = [Smoke, Cpu, Paper];

    /// <summary>Finds a preset by name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is not a known preset.</exception>
    public static Preset Named(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"unknown preset '{name}'; expected one of: {string.Join(", ", All.Select(p => p.Name))}", nameof(name));
}
