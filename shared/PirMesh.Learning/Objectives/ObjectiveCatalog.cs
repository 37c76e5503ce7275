namespace PirMesh.Learning.Objectives;

/// <summary>Turns objective names into simulated users.</summary>
public static class ObjectiveCatalog
{
    /// <summary>
    /// Parses an objective name: a colour objective such as <c>blue</c> or <c>green|blue|red</c>, or a ResNet-18
    /// feature objective such as <c>resnet18:layer3:k20:s7</c>. Parsing does not load the network.
    /// </summary>
    /// <exception cref="FormatException">The name does not parse; the message says why.</exception>
    public static ISimulatedObjective Parse(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new FormatException("the objective name is empty");
        }
        if (name.Trim().StartsWith(FeatureObjective.NetworkName, StringComparison.OrdinalIgnoreCase))
        {
            return FeatureObjective.TryParse(name, out var feature, out var featureError) ? feature!
                : throw new FormatException($"objective '{name}' does not parse: {featureError}");
        }
        if (ColourObjective.TryParse(name, out var colour, out var error))
        {
            return colour!;
        }
        throw new FormatException($"objective '{name}' does not parse: {error}");
    }
}
