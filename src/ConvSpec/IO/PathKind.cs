using System.Runtime.InteropServices;

namespace ConvSpec.IO;

/// <summary>What a path names, without following a symbolic link at its end.</summary>
public enum PathKind
{
    Missing,
    RegularFile,
    Directory,
    SymbolicLink,

    /// <summary>A device node, FIFO or socket: never something ConvSpec may replace.</summary>
    Special,
}

/// <summary>
/// Tells the kinds of <see cref="PathKind"/> apart. .NET reports a device node or FIFO like a regular
/// file, so on Linux the type comes from statx, whose struct has the same layout on every architecture.
/// </summary>
public static class PathKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxMode = 0x2, StatxUid = 0x8;
    private const int UidOffset = 20, ModeOffset = 28;
    private const int TypeMask = 0xF000, Regular = 0x8000, DirectoryType = 0x4000, Link = 0xA000;

    public static PathKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return PathKind.SymbolicLink;
        if (Directory.Exists(path)) return PathKind.Directory;
        if (!info.Exists) return PathKind.Missing;
        return OperatingSystem.IsLinux() && ModeOf(path) is int mode
            ? (mode & TypeMask) switch
            {
                Regular => PathKind.RegularFile,
                DirectoryType => PathKind.Directory,
                Link => PathKind.SymbolicLink,
                _ => PathKind.Special,
            }
            : PathKind.RegularFile;
    }

    /// <summary>
    /// The owner's user id and the permission bits of <paramref name="path"/> itself (a link is not followed), or null
    /// where statx is not available (not Linux) or the path does not exist.
    /// </summary>
    public static (uint Owner, UnixFileMode Permissions)? OwnerAndPermissions(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return OperatingSystem.IsLinux() && Stat(path) is var (owner, mode) ? (owner, (UnixFileMode)(mode & 0xFFF)) : null;
    }

    private static int? ModeOf(string path) => Stat(path)?.Mode;

    /// <summary>statx of the path itself: its owner and its st_mode (type and permission bits); null where it fails or is missing.</summary>
    private static unsafe (uint Owner, int Mode)? Stat(string path)
    {
        byte* buffer = stackalloc byte[256];
        try
        {
            return statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxMode | StatxUid, buffer) == 0
                ? (*(uint*)(buffer + UidOffset), *(ushort*)(buffer + ModeOffset))
                : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The user id this process acts as (geteuid), or null off Linux.</summary>
    public static uint? EffectiveUser() => OperatingSystem.IsLinux() ? geteuid() : null;

#pragma warning disable SYSLIB1054 // A blittable signature; DllImport keeps the library free of generated marshalling code.
    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern unsafe int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte* buffer);
#pragma warning restore SYSLIB1054
}
