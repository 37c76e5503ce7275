namespace PirMesh.Contracts;

/// <summary>Everything that defines one feedback loop. Carried by <see cref="StartLoop"/>.</summary>
public sealed record LoopSettings
{
    /// <summary>Name of the model and schedule preset: <c>smoke</c>, <c>cpu</c> (default) or <c>paper</c>.</summary>
    public required string Preset { get; init; }

    /// <summary>
    /// Simulated-user objective: a colour one such as <c>blue</c>, <c>red|green</c> or <c>green|blue|red</c>, or a
    /// ResNet-18 feature one such as <c>resnet18:layer3:k20:s7</c>.
    /// </summary>
    public required string Objective { get; init; }

    /// <summary>Number of collect-train-tune rounds. Default 2.</summary>
    public int Rounds { get; init; } = 2;

    /// <summary>Images shown to users per round (the estimator's new training data). Default 1000.</summary>
    public int ImagesPerRound { get; init; } = 1000;

    /// <summary>Images sampled before and after each round to measure the change in PIR. Default 1000.</summary>
    public int EvaluationImages { get; init; } = 1000;

    /// <summary>Impressions per image; the observed PIR is positives over impressions. Default 1000.</summary>
    public int ImpressionsPerImage { get; init; } = 1000;

    /// <summary>Master seed; every random stream of the loop is derived from it.</summary>
    public long Seed { get; init; }

    /// <summary>Folder of JPEG/PNG photos the GAN is pretrained on.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// Optional file mapping photo names to classes (<c>pattern=class</c> lines); null puts every photo in one class
    /// unless the folder is the built-in landscape set.
    /// </summary>
    public string? ClassMapFile { get; init; }

    /// <summary>
    /// PIR estimator backbone: <c>resnet18</c> (the pretrained network, fine-tuned; default), <c>discriminator</c>
    /// (the pretrained GAN discriminator's trunk) or <c>scratch</c>.
    /// </summary>
    public string Estimator { get; init; } = "resnet18";

    /// <summary>When true, the pretrained GAN is not taken from the cache (it is still stored afterwards).</summary>
    public bool NoCache { get; init; }
}
