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

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse gets its errors and a pointer to
    /// <c>--help</c> (exit code 2) rather than the whole help page, which would bury the error.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter errors)
    {
        var parsed = Create().Parse(args);
        if (parsed.Errors.Count == 0)
        {
            return await parsed.InvokeAsync();
        }
        var root = parsed.RootCommandResult.Command;
        if (parsed.CommandResult.Command == root && args.Length > 0 && !args[0].StartsWith('-'))
        {
            // One clear message instead of both "command not provided" and "unrecognized argument".
            await errors.WriteLineAsync($"error: unknown command '{args[0]}'; the commands are "
                + string.Join(", ", root.Subcommands.Select(c => c.Name)));
            await errors.WriteLineAsync("See 'pirmesh --help'.");
            return 2;
        }
        foreach (var error in parsed.Errors)
        {
            await errors.WriteLineAsync($"error: {error.Message}");
        }
        var command = parsed.CommandResult.Command == parsed.RootCommandResult.Command
            ? "pirmesh" : "pirmesh " + parsed.CommandResult.Command.Name;
        await errors.WriteLineAsync($"See '{command} --help' for the options.");
        return 2;
    }
}
