using System.CommandLine;
using PirMesh.Learning;

namespace PirMesh.Host.Cli;

/// <summary><c>pirmesh presets</c>: prints the model sizes and schedules of every preset.</summary>
public static class PresetsCommand
{
    public static Command Create()
    {
        var command = new Command("presets", "Lists the presets: image size, network widths, steps, learning rates.");
        command.SetAction(_ =>
        {
            foreach (var p in Preset.All)
            {
                Console.WriteLine($"{p.Name}: {p.Resolution}x{p.Resolution} px, generator "
                    + $"{string.Join('-', p.GeneratorWidths)}, "
                    + $"discriminator {string.Join('-', p.DiscriminatorWidths)}, "
                    + $"batch {p.BatchSize}, pretraining {p.PretrainSteps} steps (lr G {p.PretrainGeneratorLr}, "
                    + $"D {p.PretrainDiscriminatorLr}), tuning {p.TuneSteps} steps (lr G {p.TuneGeneratorLr}, "
                    + $"D {p.TuneDiscriminatorLr}, w_PIR {p.PirWeight}), estimator {p.EstimatorEpochs} epochs "
                    + $"(ResNet-18 input {p.ResNetSide}x{p.ResNetSide}, scratch widths "
                    + $"{string.Join('-', p.EstimatorWidths)})");
            }
            return 0;
        });
        return command;
    }
}
