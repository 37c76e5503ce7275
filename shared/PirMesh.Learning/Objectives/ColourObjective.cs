using static TorchSharp.torch;

namespace PirMesh.Learning.Objectives;

/// <summary>
/// Colour objectives: the image is split into equal vertical strips across its width, one colour channel is chosen
/// per strip, and PIR = sqrt(sum over strips of ||strip's chosen channel||² / ||whole image, all channels||²).
/// One strip is the single-colour objective, two the left/right one, three the thirds one. Strips run across the
/// width on purpose: top/bottom colour splits (blue sky over green land) would carry scene information.
/// </summary>
public sealed class ColourObjective : ISimulatedObjective
{
    private static readonly string[] ChannelNames = ["red", "green", "blue"];

    private readonly int[] channels;

    private ColourObjective(int[] channels)
    {
        this.channels = channels;
        Name = string.Join('|', channels.Select(c => ChannelNames[c]));
    }

    public string Name { get; }

    public string? Network => null;

    /// <summary>The colours, left to right.</summary>
    public IReadOnlyList<string> Colours => channels.Select(c => ChannelNames[c]).ToArray();

    /// <summary>Parses <c>blue</c>, <c>red|green</c>, <c>green|blue|red</c> and the like (1 to 3 colours).</summary>
    public static bool TryParse(string text, out ColourObjective? objective, out string? error)
    {
        objective = null;
        var parts = text.Split('|');
        if (parts.Length is < 1 or > 3)
        {
            error = $"a colour objective names one to three colours separated by '|', got {parts.Length}";
            return false;
        }
        var parsed = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var index = Array.IndexOf(ChannelNames, parts[i].Trim().ToLowerInvariant());
            if (index < 0)
            {
                error = $"'{parts[i]}' is not a colour; expected red, green or blue";
                return false;
            }
            parsed[i] = index;
        }
        if (parsed.Distinct().Count() != parsed.Length)
        {
            error = $"each strip needs a different colour, got '{text}'";
            return false;
        }
        error = null;
        objective = new ColourObjective(parsed);
        return true;
    }

    public Tensor TruePir(Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var width = images.shape[3];
        var squares = images.to(float64).square();
        var total = squares.sum([1, 2, 3]);
        var chosen = zeros_like(total);
        for (var strip = 0; strip < channels.Length; strip++)
        {
            var start = strip * width / channels.Length;
            var end = (strip + 1) * width / channels.Length;
            chosen += squares[.., channels[strip], .., TensorIndex.Slice(start, end)].sum([1, 2]);
        }
        // A black image has no colour at all; it gets PIR 0 rather than 0/0.
        var ratio = where(total > 0, chosen / total.clamp_min(1e-300), zeros_like(total));
        return ratio.sqrt().to(float32).MoveToOuterDisposeScope();
    }
}
