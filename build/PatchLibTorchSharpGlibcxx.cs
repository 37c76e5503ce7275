using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Rewrites, in place, the GLIBCXX_3.4.32 version-needed entry of an ELF64 shared library so that it names the
/// GLIBCXX_3.4.30 entry instead, but only when the system's libstdc++ does not define GLIBCXX_3.4.32.
/// </summary>
public sealed class PatchLibTorchSharpGlibcxx : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const string Missing = "GLIBCXX_3.4.32";
    private const string Present = "GLIBCXX_3.4.30";

    [Required]
    public string LibraryPath { get; set; } = "";

    public override bool Execute()
    {
        if (SystemLibstdcxxHas(Missing))
        {
            return true;
        }
        var bytes = File.ReadAllBytes(LibraryPath);
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[4] != 2)
        {
            Log.LogWarning("{0} is not an ELF64 file; left unchanged.", LibraryPath);
            return true;
        }
        int shoff = checked((int)BitConverter.ToUInt64(bytes, 0x28));
        int shentsize = BitConverter.ToUInt16(bytes, 0x3A);
        int shnum = BitConverter.ToUInt16(bytes, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            int sh = shoff + i * shentsize;
            if (BitConverter.ToUInt32(bytes, sh + 4) != ShtGnuVerneed)
            {
                continue;
            }
            int offset = checked((int)BitConverter.ToUInt64(bytes, sh + 0x18));
            int link = (int)BitConverter.ToUInt32(bytes, sh + 0x28);
            int count = (int)BitConverter.ToUInt32(bytes, sh + 0x2C);
            int strtab = checked((int)BitConverter.ToUInt64(bytes, shoff + link * shentsize + 0x18));
            if (PatchVerneed(bytes, offset, count, strtab))
            {
                var temp = LibraryPath + ".patching";
                File.WriteAllBytes(temp, bytes);
                // Delete first so a hard link into the NuGet cache is never written through.
                File.Delete(LibraryPath);
                File.Move(temp, LibraryPath);
                Log.LogMessage(MessageImportance.High,
                    "Patched {0}: {1} requirement now names {2} (system libstdc++ lacks {1}).",
                    LibraryPath, Missing, Present);
            }
            return true;
        }
        return true;
    }

    private static bool PatchVerneed(byte[] bytes, int offset, int count, int strtab)
    {
        int need = offset;
        for (int n = 0; n < count; n++)
        {
            int auxCount = BitConverter.ToUInt16(bytes, need + 2);
            int aux = need + (int)BitConverter.ToUInt32(bytes, need + 8);
            int missingAt = -1, presentAt = -1;
            for (int a = 0; a < auxCount; a++)
            {
                string name = ReadString(bytes, strtab + (int)BitConverter.ToUInt32(bytes, aux + 8));
                if (name == Missing) missingAt = aux;
                if (name == Present) presentAt = aux;
                aux += (int)BitConverter.ToUInt32(bytes, aux + 12);
            }
            if (missingAt >= 0 && presentAt >= 0)
            {
                // vna_hash (offset 0) and vna_name (offset 8) are copied; vna_other keeps its own index.
                Array.Copy(bytes, presentAt, bytes, missingAt, 4);
                Array.Copy(bytes, presentAt + 8, bytes, missingAt + 8, 4);
                return true;
            }
            need += (int)BitConverter.ToUInt32(bytes, need + 12);
        }
        return false;
    }

    private static string ReadString(byte[] bytes, int at)
    {
        int end = Array.IndexOf(bytes, (byte)0, at);
        return Encoding.ASCII.GetString(bytes, at, end - at);
    }

    private static bool SystemLibstdcxxHas(string version)
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };
        var marker = Encoding.ASCII.GetBytes(version + "\0");
        foreach (var path in candidates)
        {
            if (File.Exists(path))
            {
                return IndexOf(File.ReadAllBytes(path), marker) >= 0;
            }
        }
        // No libstdc++ where we looked: assume a modern system and leave the library alone.
        return true;
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i <= haystack.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }
}
