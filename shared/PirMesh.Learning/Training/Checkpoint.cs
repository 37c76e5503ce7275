using System.Buffers.Binary;

namespace PirMesh.Learning.Training;

/// <summary>
/// Length-prefixed sections behind a magic number, so a truncated or foreign file is recognised before any of
/// it reaches libtorch.
/// </summary>
internal static class Checkpoint
{
    private static readonly byte[] Magic = "PMCK"u8.ToArray();

    public static byte[] Write(params byte[][] sections)
    {
        var output = new MemoryStream();
        output.Write(Magic);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(number, sections.Length);
        output.Write(number[..4]);
        foreach (var section in sections)
        {
            BinaryPrimitives.WriteInt64LittleEndian(number, section.Length);
            output.Write(number);
            output.Write(section);
        }
        return output.ToArray();
    }

    public static byte[][] Read(ReadOnlySpan<byte> bytes, int expectedSections, string what)
    {
        if (bytes.Length < 8 || !bytes[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"not a PirMesh {what}: the file does not start with PMCK");
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (count != expectedSections)
        {
            throw new InvalidDataException($"{what} has {count} sections, expected {expectedSections}");
        }
        var sections = new byte[count][];
        var at = 8;
        for (var i = 0; i < count; i++)
        {
            if (bytes.Length - at < 8)
            {
                throw new InvalidDataException($"{what} is truncated: section {i + 1} of {count} is missing");
            }
            var length = BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]);
            at += 8;
            if (length < 0 || length > bytes.Length - at)
            {
                throw new InvalidDataException(
                    $"{what} is truncated: section {i + 1} of {count} needs {length} bytes, {bytes.Length - at} left");
            }
            sections[i] = bytes.Slice(at, (int)length).ToArray();
            at += (int)length;
        }
        return sections;
    }
}
