using System.CommandLine;
using System.Globalization;
using PirMesh.Contracts;
using PirMesh.Tuning;

namespace PirMesh.Host.Cli;

/// <summary>
/// The options <c>run</c> and <c>bench</c> share, defined once: the loop's settings (all but the objective), the
/// output folder, the store and the thread count.
/// </summary>
internal sealed class LoopOptions
{
    /// <param name="defaultRounds">Rounds when <c>--rounds</c> is not given.</param>
    /// <param name="outputDescription">What <c>--out</c> means for the command.</param>
    /// <param name="noCacheDescription">What <c>--no-cache</c> means for the command.</param>
    public LoopOptions(int defaultRounds, string outputDescription, string noCacheDescription)
    {
        Output = new Option<string?>("--out") { Description = outputDescription };
        Rounds = new Option<int>("--rounds")
        {
            Description = "Rounds of collect, train, tune, measure.", DefaultValueFactory = _ => defaultRounds,
        };
        NoCache = new Option<bool>("--no-cache") { Description = noCacheDescription };
    }

    public Option<string> Preset { get; } = new("--preset")
    {
        Description = "Model sizes and schedule: smoke (a few minutes), cpu (default; tens of minutes on "
            + "2 cores) or paper (the published 64x64 settings; days without a GPU).",
        DefaultValueFactory = _ => "cpu",
    };

    public Option<int> Rounds { get; }

    public Option<int> Images { get; } = new("--images")
    {
        Description = "Images shown to users per round to train the estimator.", DefaultValueFactory = _ => 1000,
    };

    public Option<int> EvaluationImages { get; } = new("--eval-images")
    {
        Description = "Images sampled before and after tuning to measure PIR.", DefaultValueFactory = _ => 1000,
    };

    public Option<int> Impressions { get; } = new("--impressions")
    {
        Description = "Impressions per image; the observed PIR is positives / impressions.",
        DefaultValueFactory = _ => 1000,
    };

    public Option<string> Data { get; } = new("--data")
    {
        Description = "Folder of JPEG/PNG photos to pretrain the GAN on. Default: the landscape photos of "
            + "Debian's endless-sky-data package, as mountains and coasts.",
        DefaultValueFactory = _ => PhotoDataSets.EndlessSkyFolder,
    };

    public Option<string?> ClassMap { get; } = new("--class-map")
    {
        Description = "File of 'pattern=class' lines giving each photo (by a substring of its name) a class. "
            + "Without it, a folder other than the default is one class.",
    };

    public Option<string> Estimator { get; } = new("--estimator")
    {
        Description = "PIR estimator backbone: resnet18 (ImageNet-pretrained, fine-tuned; default), discriminator "
            + "(the pretrained GAN discriminator's trunk, fine-tuned) or scratch (a small CNN).",
        DefaultValueFactory = _ => "resnet18",
    };

    public Option<string?> Output { get; }

    public Option<long> Seed { get; } = new("--seed")
    {
        Description = "Master seed. Same seed and thread count, same numbers.", DefaultValueFactory = _ => 1,
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "libtorch threads; 0 means one per core.", DefaultValueFactory = _ => 0,
    };

    public Option<bool> NoCache { get; }

    public Option<string> Store { get; } = new("--store")
    {
        Description = "Folder of the local blob store (batches, checkpoints, the pretraining cache).",
        DefaultValueFactory = _ => Path.Combine(".pirmesh", "store"),
    };

    /// <summary>
    /// Adds the options to <paramref name="command"/> in help order, with <paramref name="afterPreset"/> (the
    /// command's own objective options) right after <c>--preset</c>.
    /// </summary>
    public void AddTo(Command command, params Option[] afterPreset)
    {
        Option[] options =
        [
            Preset, .. afterPreset, Rounds, Images, EvaluationImages, Impressions, Data, ClassMap, Estimator, Output,
            Seed, Threads, NoCache, Store,
        ];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The loop the options describe, for <paramref name="objective"/>.</summary>
    public LoopSettings Loop(ParseResult result, string objective) => new()
    {
        Preset = result.GetValue(Preset)!,
        Objective = objective,
        Rounds = result.GetValue(Rounds),
        ImagesPerRound = result.GetValue(Images),
        EvaluationImages = result.GetValue(EvaluationImages),
        ImpressionsPerImage = result.GetValue(Impressions),
        Seed = result.GetValue(Seed),
        DataDirectory = result.GetValue(Data)!,
        ClassMapFile = result.GetValue(ClassMap),
        Estimator = result.GetValue(Estimator)!,
        NoCache = result.GetValue(NoCache),
    };

    /// <summary>
    /// <c>runs/&lt;prefix&gt;&lt;timestamp&gt;-&lt;pid&gt;</c>: the process id keeps folders of commands started in
    /// the same second apart.
    /// </summary>
    public static string DefaultOutputFolder(string prefix = "") => Path.Combine("runs",
        prefix + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId);
}
