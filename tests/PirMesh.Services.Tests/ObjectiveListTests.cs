using PirMesh.Host.Bench;

namespace PirMesh.Services.Tests;

public sealed class ObjectiveListTests
{
    private static (string Name, string Family, string Group)[] Rows(ExpandedObjectives expanded) =>
        expanded.Objectives.Select(o => (o.Objective.Name, o.Objective.Family, o.Objective.Group)).ToArray();

    [Fact]
    public void Expand_Colours_IsTheThreeColourFamiliesInOrder()
    {
        var expanded = ObjectiveList.Expand("colours", null, null);

        Assert.Equal(
        [
            ("red", "single-colour", "single-colour"), ("green", "single-colour", "single-colour"),
            ("blue", "single-colour", "single-colour"),
            ("red|green", "two-colour", "two-colour"), ("green|blue", "two-colour", "two-colour"),
            ("blue|red", "two-colour", "two-colour"),
            ("red|green|blue", "three-colour", "three-colour"), ("green|blue|red", "three-colour", "three-colour"),
            ("blue|red|green", "three-colour", "three-colour"),
        ], Rows(expanded));
        Assert.Empty(expanded.Notes);
        Assert.Empty(ObjectiveList.Validate(expanded));
    }

    [Theory]
    [InlineData("single-colour", "red,green,blue")]
    [InlineData("two-colour", "red|green,green|blue,blue|red")]
    [InlineData(" Three-Colour ", "red|green|blue,green|blue|red,blue|red|green")]
    public void Expand_OneColourFamily_GivesItsThreeObjectives(string family, string names)
    {
        var expanded = ObjectiveList.Expand(family, null, null);

        Assert.Equal(names.Split(','), expanded.Objectives.Select(o => o.Objective.Name));
        Assert.All(expanded.Objectives, o => Assert.Equal(family.Trim().ToLowerInvariant(), o.Objective.Family));
    }

    [Fact]
    public void Expand_ResNetFamilies_OnePerStageWithTheStageAsGroup()
    {
        var expanded = ObjectiveList.Expand("resnet18-k1,resnet18-k20", null, null);

        Assert.Equal(
        [
            ("resnet18:layer1:k1:s1", "resnet18-k1", "layer1"), ("resnet18:layer2:k1:s1", "resnet18-k1", "layer2"),
            ("resnet18:layer3:k1:s1", "resnet18-k1", "layer3"), ("resnet18:layer4:k1:s1", "resnet18-k1", "layer4"),
            ("resnet18:layer1:k20:s1", "resnet18-k20", "layer1"), ("resnet18:layer2:k20:s1", "resnet18-k20", "layer2"),
            ("resnet18:layer3:k20:s1", "resnet18-k20", "layer3"), ("resnet18:layer4:k20:s1", "resnet18-k20", "layer4"),
        ], Rows(expanded));
    }

    [Fact]
    public void Expand_SeedFiltersAndFilterSets_GiveSeedsNToNPlusMMinusOnePerStage()
    {
        var expanded = ObjectiveList.Expand("resnet18-k20", null, null, seedFilters: 5, filterSets: 2);

        Assert.Equal(
        [
            "resnet18:layer1:k20:s5", "resnet18:layer1:k20:s6", "resnet18:layer2:k20:s5", "resnet18:layer2:k20:s6",
            "resnet18:layer3:k20:s5", "resnet18:layer3:k20:s6", "resnet18:layer4:k20:s5", "resnet18:layer4:k20:s6",
        ], expanded.Objectives.Select(o => o.Objective.Name));
        Assert.Equal(2, expanded.Objectives.Count(o => o.Objective.Group == "layer3"));
    }

    [Fact]
    public void Expand_FileWithCommentsAndBlankLines_AddsItsNamesAsCustomAfterTheFamilies()
    {
        string[] lines =
            ["# objectives for the bench", "", "  red|blue  ", "green | red # left green, right red", "   "];

        var expanded = ObjectiveList.Expand("single-colour", "list.txt", lines);

        Assert.Equal(5, expanded.Objectives.Count);
        Assert.Equal(("red|blue", "custom", "red|blue"), Rows(expanded)[3]);
        Assert.Equal(("green|red", "custom", "green|red"), Rows(expanded)[4]);
        Assert.Equal("--file list.txt, line 4", expanded.Objectives[4].Origin);
        Assert.Empty(ObjectiveList.Validate(expanded));
    }

    [Fact]
    public void Expand_Duplicates_KeepsTheFirstAndNotesEachDropped()
    {
        var expanded = ObjectiveList.Expand("single-colour,colours,BLUE", "more.txt", ["red", "blue|red"]);

        Assert.Equal(9, expanded.Objectives.Count);
        Assert.Equal("single-colour", expanded.Objectives.Single(o => o.Objective.Name == "blue").Objective.Family);
        Assert.Equal(6, expanded.Notes.Count);
        Assert.Contains(expanded.Notes, n => n.Contains("'red' from --file more.txt, line 1 is already listed "
            + "(from --objectives family single-colour); it runs once", StringComparison.Ordinal));
        Assert.Contains(expanded.Notes, n => n.StartsWith("'BLUE' from --objectives 'BLUE'", StringComparison.Ordinal));
    }

    [Fact]
    public void Expand_EmptyEntries_AreSkippedWithANote()
    {
        var expanded = ObjectiveList.Expand("blue,, red,", null, null);

        Assert.Equal(["blue", "red"], expanded.Objectives.Select(o => o.Objective.Name));
        Assert.Equal("--objectives has 2 empty entry(ies) between commas; skipped", Assert.Single(expanded.Notes));
    }

    [Fact]
    public void Validate_UnknownFamily_NamesItAndTheFamilies()
    {
        var problems = ObjectiveList.Validate(ObjectiveList.Expand("colors,blue", null, null));

        var problem = Assert.Single(problems);
        Assert.Contains("'colors' is neither a family (colours, single-colour, two-colour, three-colour, "
            + "resnet18-k1, resnet18-k20) nor an objective", problem);
    }

    [Fact]
    public void Validate_BadNameInFile_NamesTheFileLineAndTheName()
    {
        var problems = ObjectiveList.Validate(ObjectiveList.Expand(null, "list.txt", ["red", "# x", "red|purple"]));

        var problem = Assert.Single(problems);
        Assert.StartsWith("--file list.txt, line 3: objective 'red|purple' does not parse", problem);
        Assert.Contains("purple", problem);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(problem, "does not parse"));
    }

    [Fact]
    public void Expand_SpaceInsideAName_IsKeptSoTheNameIsRejected()
    {
        var expanded = ObjectiveList.Expand(null, "list.txt", ["blu e", "red | green", " resnet18 : layer1:k1:s1 "]);

        Assert.Equal(["blu e", "red|green", "resnet18:layer1:k1:s1"],
            expanded.Objectives.Select(o => o.Objective.Name));
        var problem = Assert.Single(ObjectiveList.Validate(expanded));
        Assert.Contains("'blu e'", problem);
    }

    [Fact]
    public void Validate_EmptyList_SaysSo()
    {
        var problems = ObjectiveList.Validate(ObjectiveList.Expand(" , ", "empty.txt", ["# nothing", ""]));

        Assert.Contains(problems, p => p.Contains("list no objective", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFile_Missing_ThrowsNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "pirmesh-missing-" + Guid.NewGuid().ToString("N") + ".txt");

        var error = Assert.Throws<IOException>(() => ObjectiveList.ReadFile(path));

        Assert.Contains(path, error.Message);
    }

    [Theory]
    [InlineData("red|green", "red_green")]
    [InlineData("resnet18:layer3:k20:s2", "resnet18_layer3_k20_s2")]
    [InlineData("../Blue", "_blue")]
    public void SafeName_KeepsLettersDigitsDashesAndDots(string name, string expected)
    {
        Assert.Equal(expected, BenchManifest.SafeName(name));
    }
}
