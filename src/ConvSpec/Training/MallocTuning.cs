using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ConvSpec.Training;

/// <summary>
/// Keeps glibc malloc from handing libtorch's activation buffers back to the kernel after every step.
/// By default glibc serves blocks above a dynamic threshold with fresh mmap()s and trims the heap
/// top, so each training step faults in new zeroed pages (millions of minor faults per epoch here).
/// Raising the mmap threshold to glibc's ceiling (32 MiB on 64-bit; larger values are rejected) and
/// disabling trimming keeps freed memory in the process for reuse. Applied once, at load time of
/// this assembly, where the C library is glibc; a no-op elsewhere.
/// </summary>
public static class MallocTuning
{
    private const int M_TRIM_THRESHOLD = -1;
    private const int M_MMAP_THRESHOLD = -3;
    public const int MmapThresholdBytes = 32 * 1024 * 1024;

    /// <summary>Set to "off" only to measure without the tuning (benchmarks/epoch-side-by-side.sh does).</summary>
    public const string OptOutVariable = "CONVSPEC_MALLOC_TUNING";

    private static int _applied;

    /// <summary>True when both settings were accepted by glibc's mallopt.</summary>
    public static bool Active { get; private set; }

#pragma warning disable CA2255 // Deliberate: the tuning must precede libtorch's first allocation, in the CLI and in test hosts alike.
    [ModuleInitializer]
    internal static void OnLoad() => Apply();
#pragma warning restore CA2255

    public static bool Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1)
        {
            return Active;
        }
        if (Environment.GetEnvironmentVariable(OptOutVariable) == "off" || !OperatingSystem.IsLinux() || !IsGlibc())
        {
            return false;
        }
        var mmap = mallopt(M_MMAP_THRESHOLD, MmapThresholdBytes);
        var trim = mallopt(M_TRIM_THRESHOLD, int.MaxValue);
        Active = mmap == 1 && trim == 1;
        return Active;
    }

    private static bool IsGlibc()
    {
        try
        {
            return gnu_get_libc_version() != IntPtr.Zero;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: both signatures are blittable, and the library needs no unsafe code.
#pragma warning disable SYSLIB1054
    [DllImport("libc.so.6")]
    private static extern int mallopt(int param, int value);

    [DllImport("libc.so.6")]
    private static extern IntPtr gnu_get_libc_version();
#pragma warning restore SYSLIB1054
}
