using System.CommandLine;

namespace PirMesh.Host.Cli;

/// <summary>The <c>pirmesh</c> command tree.</summary>
public static class PirMeshCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "PirMesh tunes an image generator toward images users interact with positively, from a small batch "
            + "of interactions, and measures whether the positive interaction rate (PIR) really went up.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(PresetsCommand.Create());
        return root;
    }
}
