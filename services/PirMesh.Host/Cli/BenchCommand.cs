using System.CommandLine;
using PirMesh.Host.Bench;

namespace PirMesh.Host.Cli;

/// <summary>
/// <c>pirmesh bench</c>: one full loop per objective of a list, with one preset, then a table and figures comparing
/// them. Running it again with the same <c>--out</c> resumes where it stopped.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var options = new LoopOptions(defaultRounds: 1,
            outputDescription: "Bench folder. Default: runs/bench-<timestamp>-<pid>. Give the folder of an earlier "
                + "bench with the same options to resume it: finished objectives are skipped.",
            noCacheDescription: "Pretrain the GAN for the first objective this command runs even if a checkpoint is "
                + "cached; the others take that pretraining from the cache.");
        var objectives = new Option<string?>("--objectives")
        {
            Description = "Comma-separated families and objective names. Families: colours (= single-colour, "
                + "two-colour, three-colour), single-colour (red, green, blue), two-colour (red|green, green|blue, "
                + "blue|red), three-colour (red|green|blue, green|blue|red, blue|red|green), resnet18-k1 and "
                + "resnet18-k20 (resnet18:layer1..layer4:k<k>:s<seed>). Default: colours, unless --file is given.",
        };
        var file = new Option<string?>("--file")
        {
            Description = "Text file with one objective name a line (blank lines and # comments ignored); its "
                + "objectives run after those of --objectives, in family custom.",
        };
        var seedFilters = new Option<int>("--seed-filters")
        {
            Description = "Filter seed N of the resnet18 families: resnet18:<stage>:k<k>:sN.",
            DefaultValueFactory = _ => 1,
        };
        var filterSets = new Option<int>("--filter-sets")
        {
            Description = "Objectives per stage in the resnet18 families, with filter seeds N .. N+M-1.",
            DefaultValueFactory = _ => 1,
        };

        var command = new Command("bench", "Runs one full loop per objective of a list with one preset, then writes "
            + "bench.csv, bench.md and figures comparing the change in mean PIR across objectives. Resumable.");
        options.AddTo(command, objectives, file, seedFilters, filterSets);
        command.SetAction((result, cancellationToken) =>
        {
            var request = new BenchRequest(
                options.Loop(result, objective: ""),
                result.GetValue(options.Output) ?? LoopOptions.DefaultOutputFolder("bench-"),
                result.GetValue(options.Store)!, result.GetValue(options.Threads), result.GetValue(objectives),
                result.GetValue(file), result.GetValue(seedFilters), result.GetValue(filterSets));
            var console = result.InvocationConfiguration;
            return new BenchRunner(console.Output, console.Error).ExecuteAsync(request, cancellationToken);
        });
        return command;
    }
}
