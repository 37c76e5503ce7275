using PirMesh.Host.Cli;

namespace PirMesh.Services.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task UnknownOption_PrintsTheErrorAndAPointerToHelp_NotTheHelpPage()
    {
        var errors = new StringWriter();
        var code = await PirMeshCommandLine.InvokeAsync(["run", "--objectiv", "blue"], errors);
        Assert.Equal(2, code);
        var text = errors.ToString();
        Assert.Contains("--objectiv", text);
        Assert.Contains("See 'pirmesh run --help' for the options.", text);
        Assert.DoesNotContain("--impressions", text);
    }

    [Fact]
    public async Task OptionWithAWrongType_NamesTheOption()
    {
        var errors = new StringWriter();
        var code = await PirMeshCommandLine.InvokeAsync(["bench", "--rounds", "two"], errors);
        Assert.Equal(2, code);
        Assert.Contains("two", errors.ToString());
        Assert.Contains("'pirmesh bench --help'", errors.ToString());
    }

    [Fact]
    public async Task UnknownCommand_OneMessageListingTheCommands()
    {
        var errors = new StringWriter();
        var code = await PirMeshCommandLine.InvokeAsync(["frobnicate"], errors);
        Assert.Equal(2, code);
        var text = errors.ToString();
        Assert.Contains("unknown command 'frobnicate'; the commands are run, bench, presets", text);
        Assert.Single(text.Split('\n'), line => line.StartsWith("error:"));
    }
}
