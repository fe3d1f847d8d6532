using System.Runtime.InteropServices;

namespace ConvSpec.Training;

/// <summary>
/// Keeps glibc malloc from handing libtorch's activation buffers back to the kernel after every step.
/// By default glibc serves blocks above a dynamic threshold with fresh mmap()s and trims the heap
/// top, so each training step faults in new zeroed pages (millions of minor faults per epoch here).
/// Raising the mmap threshold to glibc's ceiling (32 MiB on 64-bit; larger values are rejected) and
/// disabling trimming keeps freed memory in the process for reuse. It changes the whole process's
/// allocator, so the library never applies it by itself: entry points that train call <see cref="Apply"/>
/// first (the CLI's Program, the training specs' fixture, the benchmarks), and a host that only loads
/// the library (a student's exercise host, say) keeps glibc's defaults. Where the C library is not glibc it is a no-op.
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

    /// <summary>Applies the tuning once per process, as early as possible (before libtorch's first allocation); returns whether it is in force.</summary>
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
