using System.Text.Json;
using PirMesh.Learning.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace PirMesh.Learning.Training;

/// <summary>A conditional GAN: generator, discriminator and what they were built for.</summary>
public sealed class GanModel : IDisposable
{
    private const string Magic = "PMGAN1";

    public GanModel(Preset preset, IReadOnlyList<string> classNames)
    {
        if (classNames.Count == 0)
        {
            throw new ArgumentException("a GAN needs at least one class", nameof(classNames));
        }
        Preset = preset;
        ClassNames = classNames;
        Generator = new ImageGenerator(preset.LatentSize, classNames.Count, preset.GeneratorWidths, preset.Resolution);
        Discriminator = new Discriminator(classNames.Count, preset.DiscriminatorWidths, preset.Resolution);
    }

    public Preset Preset { get; }

    public IReadOnlyList<string> ClassNames { get; }

    public ImageGenerator Generator { get; }

    public Discriminator Discriminator { get; }

    public GanModel To(Device device)
    {
        Generator.to(device);
        Discriminator.to(device);
        return this;
    }

    /// <summary>Serialises both networks with a header naming the preset and classes.</summary>
    public byte[] ToBytes()
    {
        var header = new CheckpointHeader(Magic, Preset.Name, ClassNames.ToArray());
        return Checkpoint.Write(JsonSerializer.SerializeToUtf8Bytes(header), Save(Generator), Save(Discriminator));
    }

    /// <exception cref="InvalidDataException">The bytes are not a complete GAN checkpoint.</exception>
    public static GanModel FromBytes(ReadOnlySpan<byte> bytes, Device device)
    {
        var sections = Checkpoint.Read(bytes, expectedSections: 3, what: "GAN checkpoint");
        var header = JsonSerializer.Deserialize<CheckpointHeader>(sections[0]);
        if (header is null || header.Magic != Magic)
        {
            throw new InvalidDataException("GAN checkpoint has an unknown header");
        }
        var model = new GanModel(Preset.Named(header.Preset), header.Classes);
        Load(model.Generator, sections[1], "generator");
        Load(model.Discriminator, sections[2], "discriminator");
        return model.To(device);
    }

    public void Dispose()
    {
        Generator.Dispose();
        Discriminator.Dispose();
    }

    internal static byte[] Save(TorchSharp.torch.nn.Module module)
    {
        // Module.save closes the stream it is given; MemoryStream.ToArray still works after that.
        var stream = new MemoryStream();
        module.save(stream);
        return stream.ToArray();
    }

    internal static void Load(TorchSharp.torch.nn.Module module, byte[] state, string what)
    {
        try
        {
            module.load(new MemoryStream(state));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"the {what} weights in the checkpoint do not fit the network: {ex.Message}",
                ex);
        }
    }

    private sealed record CheckpointHeader(string Magic, string Preset, string[] Classes);
}
