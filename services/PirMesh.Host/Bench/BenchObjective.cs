namespace PirMesh.Host.Bench;

/// <summary>One objective of a bench, with where it belongs in the bench's tables and figures.</summary>
/// <param name="Name">The objective name, as <c>--objective</c> of <c>pirmesh run</c> takes it.</param>
/// <param name="Family">
/// <c>single-colour</c>, <c>two-colour</c>, <c>three-colour</c>, <c>resnet18-k1</c>, <c>resnet18-k20</c>, or
/// <c>custom</c> for a name given on its own.
/// </param>
/// <param name="Group">The x position within the family: the stage (<c>layer3</c>) for ResNet-18 objectives, the
/// family for colour objectives, the name itself for custom ones.</param>
public sealed record BenchObjective(string Name, string Family, string Group);
