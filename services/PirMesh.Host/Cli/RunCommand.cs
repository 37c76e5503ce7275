using System.CommandLine;

namespace PirMesh.Host.Cli;

/// <summary><c>pirmesh run</c>: one feedback loop, every service in this process.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var options = new LoopOptions(defaultRounds: 2,
            outputDescription: "Output folder; must not exist or be empty. Default: runs/<timestamp>.",
            noCacheDescription: "Pretrain the GAN even if a checkpoint for the same photos and settings is cached.");
        var objective = new Option<string>("--objective")
        {
            Description = "Simulated users' objective: one colour (red, green, blue), two for the left and right "
                + "halves (red|green), three for the thirds across the width (green|blue|red), or k filters of a "
                + "pretrained ResNet-18 stage, resnet18:<stem|layer1..layer4|pooled>:k<k>:s<seed> "
                + "(resnet18:layer3:k20:s1).",
            DefaultValueFactory = _ => "blue",
        };

        var command = new Command("run", "Runs the feedback loop: pretrain (or reuse) the GAN, then per round "
            + "sample, collect interactions, train the PIR estimator, tune the generator and test the change.");
        options.AddTo(command, objective);
        command.SetAction((result, cancellationToken) =>
        {
            var loop = options.Loop(result, result.GetValue(objective)!);
            var outDir = result.GetValue(options.Output) ?? LoopOptions.DefaultOutputFolder();
            var run = new RunSettings(loop, outDir, result.GetValue(options.Store)!, result.GetValue(options.Threads));
            var console = result.InvocationConfiguration;
            return RunLoop.ExecuteAsync(run, console.Output, console.Error, cancellationToken);
        });
        return command;
    }
}
