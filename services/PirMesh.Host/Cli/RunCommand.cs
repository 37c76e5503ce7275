using System.CommandLine;
using System.Globalization;
using PirMesh.Contracts;
using PirMesh.Tuning;

namespace PirMesh.Host.Cli;

/// <summary><c>pirmesh run</c>: one feedback loop, every service in this process.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var preset = new Option<string>("--preset")
        {
            Description = "Model sizes and schedule: smoke (about a minute), cpu (default; tens of minutes on "
                + "2 cores) or paper (the published 64x64 settings; days without a GPU).",
            DefaultValueFactory = _ => "cpu",
        };
        var objective = new Option<string>("--objective")
        {
            Description = "Simulated users' objective: one colour (red, green, blue), two for the left and right "
                + "halves (red|green), three for the thirds across the width (green|blue|red), or k filters of a "
                + "pretrained ResNet-18 stage, resnet18:<stem|layer1..layer4|pooled>:k<k>:s<seed> (resnet18:layer3:k20:s1).",
            DefaultValueFactory = _ => "blue",
        };
        var rounds = new Option<int>("--rounds")
        {
            Description = "Rounds of collect, train, tune, measure.", DefaultValueFactory = _ => 2,
        };
        var images = new Option<int>("--images")
        {
            Description = "Images shown to users per round to train the estimator.", DefaultValueFactory = _ => 1000,
        };
        var evalImages = new Option<int>("--eval-images")
        {
            Description = "Images sampled before and after tuning to measure PIR.", DefaultValueFactory = _ => 1000,
        };
        var impressions = new Option<int>("--impressions")
        {
            Description = "Impressions per image; the observed PIR is positives / impressions.",
            DefaultValueFactory = _ => 1000,
        };
        var data = new Option<string>("--data")
        {
            Description = "Folder of JPEG/PNG photos to pretrain the GAN on. Default: the landscape photos of "
                + "Debian's endless-sky-data package, as mountains and coasts.",
            DefaultValueFactory = _ => PhotoDataSets.EndlessSkyFolder,
        };
        var classMap = new Option<string?>("--class-map")
        {
            Description = "File of 'pattern=class' lines giving each photo (by a substring of its name) a class. "
                + "Without it, a folder other than the default is one class.",
        };
        var estimator = new Option<string>("--estimator")
        {
            Description = "PIR estimator backbone: resnet18 (ImageNet-pretrained, fine-tuned; default), discriminator "
                + "(the pretrained GAN discriminator's trunk, fine-tuned) or scratch (a small CNN).",
            DefaultValueFactory = _ => "resnet18",
        };
        var output = new Option<string?>("--out")
        {
            Description = "Output folder; must not exist or be empty. Default: runs/<timestamp>.",
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Master seed. Same seed and thread count, same numbers.", DefaultValueFactory = _ => 1,
        };
        var threads = new Option<int>("--threads")
        {
            Description = "libtorch threads; 0 means one per core.", DefaultValueFactory = _ => 0,
        };
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "Pretrain the GAN even if a checkpoint for the same photos and settings is cached.",
        };
        var store = new Option<string>("--store")
        {
            Description = "Folder of the local blob store (batches, checkpoints, the pretraining cache).",
            DefaultValueFactory = _ => Path.Combine(".pirmesh", "store"),
        };

        var command = new Command("run", "Runs the feedback loop: pretrain (or reuse) the GAN, then per round "
            + "sample, collect interactions, train the PIR estimator, tune the generator and test the change.")
        {
            preset, objective, rounds, images, evalImages, impressions, data, classMap, estimator, output, seed,
            threads, noCache, store,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var loop = new LoopSettings
            {
                Preset = result.GetValue(preset)!,
                Objective = result.GetValue(objective)!,
                Rounds = result.GetValue(rounds),
                ImagesPerRound = result.GetValue(images),
                EvaluationImages = result.GetValue(evalImages),
                ImpressionsPerImage = result.GetValue(impressions),
                Seed = result.GetValue(seed),
                DataDirectory = result.GetValue(data)!,
                ClassMapFile = result.GetValue(classMap),
                Estimator = result.GetValue(estimator)!,
                NoCache = result.GetValue(noCache),
            };
            var outDir = result.GetValue(output) ?? DefaultOutputFolder();
            var run = new RunSettings(loop, outDir, result.GetValue(store)!, result.GetValue(threads));
            return RunLoop.ExecuteAsync(run, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// <c>runs/&lt;timestamp&gt;-&lt;pid&gt;</c>: the process id keeps runs started in the same second apart.
    /// </summary>
    private static string DefaultOutputFolder() => Path.Combine("runs",
        DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId);
}
