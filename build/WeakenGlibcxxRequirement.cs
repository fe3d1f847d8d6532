// Compiled by MSBuild's RoslynCodeTaskFactory (see TorchSharpNativeFix.targets) against netstandard2.0.
#nullable enable
using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Lets TorchSharp's native library load on systems whose libstdc++ predates GCC 13.
/// libLibTorchSharp.so records a requirement on GLIBCXX_3.4.32 for one symbol it never calls;
/// marking that requirement weak in the ELF version-needs table turns a load failure into
/// nothing at all. Only output copies are touched, and only when the system libstdc++ lacks the version.
/// </summary>
public sealed class WeakenGlibcxxRequirement : Task
{
    const string MissingVersion = "GLIBCXX_3.4.32";
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;

    static readonly string[] LibstdcxxCandidates =
    {
        "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    [Required] public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        if (Libraries.Length == 0) return true;
        string? systemLib = LibstdcxxCandidates.FirstOrDefault(File.Exists);
        if (systemLib != null && ContainsAscii(File.ReadAllBytes(systemLib), MissingVersion))
        {
            Log.LogMessage(MessageImportance.Low, $"{systemLib} provides {MissingVersion}; TorchSharp needs no fix.");
            return true;
        }
        foreach (var item in Libraries)
        {
            string path = item.ItemSpec;
            try
            {
                byte[] elf = File.ReadAllBytes(path);
                if (!MarkWeak(elf, out string outcome)) { Log.LogMessage(MessageImportance.Low, $"{path}: {outcome}"); continue; }
                // Write beside and rename: the output copy may be a hard link into the NuGet cache.
                string temp = path + ".weak-tmp";
                File.WriteAllBytes(temp, elf);
                File.Replace(temp, path, null);
                Log.LogMessage(MessageImportance.High,
                    $"ConvSpec: marked {MissingVersion} weak in {path} (system libstdc++ {systemLib ?? "not found"} lacks it).");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Log.LogError($"ConvSpec: could not make {path} loadable on this libstdc++: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    /// <summary>Sets the weak flag on the GLIBCXX_3.4.32 entry; false when there is nothing to change.</summary>
    static bool MarkWeak(byte[] elf, out string outcome)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("not a little-endian 64-bit ELF file");

        long shoff = (long)U64(elf, 0x28);
        int shentsize = U16(elf, 0x3A), shnum = U16(elf, 0x3C);
        for (int s = 0; s < shnum; s++)
        {
            long sh = shoff + (long)s * shentsize;
            if (U32(elf, sh + 4) != ShtGnuVerneed) continue;
            long verneed = (long)U64(elf, sh + 0x18);
            long strtab = (long)U64(elf, shoff + (long)U32(elf, sh + 0x28) * shentsize + 0x18);
            uint needCount = U32(elf, sh + 0x2C);
            long need = verneed;
            for (uint n = 0; n < needCount; n++)
            {
                long aux = need + U32(elf, need + 8);
                for (int a = 0; a < U16(elf, need + 2); a++)
                {
                    if (ReadCString(elf, strtab + U32(elf, aux + 8)) == MissingVersion)
                    {
                        ushort flags = U16(elf, aux + 4);
                        if ((flags & VerFlgWeak) != 0) { outcome = "already weak"; return false; }
                        ushort weak = (ushort)(flags | VerFlgWeak);
                        elf[aux + 4] = (byte)weak;
                        elf[aux + 5] = (byte)(weak >> 8);
                        outcome = "marked weak";
                        return true;
                    }
                    aux += U32(elf, aux + 12);
                }
                need += U32(elf, need + 12);
            }
        }
        outcome = $"does not require {MissingVersion}";
        return false;
    }

    static ushort U16(byte[] b, long at) => BitConverter.ToUInt16(b, checked((int)at));
    static uint U32(byte[] b, long at) => BitConverter.ToUInt32(b, checked((int)at));
    static ulong U64(byte[] b, long at) => BitConverter.ToUInt64(b, checked((int)at));

    static string ReadCString(byte[] b, long at)
    {
        int start = checked((int)at), end = Array.IndexOf(b, (byte)0, start);
        return Encoding.ASCII.GetString(b, start, end - start);
    }

    static bool ContainsAscii(byte[] haystack, string needle)
    {
        byte[] n = Encoding.ASCII.GetBytes(needle);
        for (int i = Array.IndexOf(haystack, n[0]); i >= 0 && i <= haystack.Length - n.Length; i = Array.IndexOf(haystack, n[0], i + 1))
        {
            int k = 1;
            while (k < n.Length && haystack[i + k] == n[k]) k++;
            if (k == n.Length) return true;
        }
        return false;
    }
}
