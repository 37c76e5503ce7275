namespace PirMesh.Learning.Objectives;

/// <summary>Turns objective names into simulated users.</summary>
public static class ObjectiveCatalog
{
    /// <summary>Parses an objective name such as <c>blue</c> or <c>green|blue|red</c>.</summary>
    /// <exception cref="FormatException">The name does not parse; the message says why.</exception>
    public static ISimulatedObjective Parse(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new FormatException("the objective name is empty");
        }
        if (ColourObjective.TryParse(name, out var colour, out var error))
        {
            return colour!;
        }
        throw new FormatException($"objective '{name}' does not parse: {error}");
    }
}
