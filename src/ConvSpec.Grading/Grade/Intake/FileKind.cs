using System.Runtime.InteropServices;

namespace ConvSpec.Grading.Grade.Intake;

/// <summary>What a path is, read without following a link and without opening it.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Folder,
    SymbolicLink,

    /// <summary>A named pipe, a device or a socket: opening one can block intake for ever, or reach the machine.</summary>
    Special,
}

/// <summary>
/// Reads a path's kind with lstat semantics (Linux statx with AT_SYMLINK_NOFOLLOW, whose layout is the same on
/// every architecture). .NET's own file information cannot tell a named pipe from an empty file, and reading a
/// named pipe at a handed-in path waits for a writer that never comes.
/// </summary>
public static class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
                return FileKind.Missing;
            int type = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
            return type switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Folder,
                0xA000 => FileKind.SymbolicLink,
                _ => FileKind.Special,
            };
        }
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return FileKind.SymbolicLink;
        if (Directory.Exists(path)) return FileKind.Folder;
        return info.Exists ? FileKind.Regular : FileKind.Missing;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
