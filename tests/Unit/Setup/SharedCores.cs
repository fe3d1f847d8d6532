using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ConvSpec.Tests.Unit.Setup;

/// <summary>
/// `dotnet test` runs the spec projects side by side, and tests/Grading keeps both cores busy with graders while these
/// specs train. libtorch's OpenMP threads spin at every barrier before they sleep (libgomp's default), which on
/// oversubscribed cores burns the CPU the other project needs; here they sleep at once (OMP_WAIT_POLICY=passive). The
/// policy changes when a thread waits, never what it computes. It is set through the C library's environment, which
/// libgomp reads when libtorch first loads, before any spec runs; a value already set by the caller is kept.
/// </summary>
internal static class SharedCores
{
    [ModuleInitializer]
    internal static void SleepAtBarriers()
    {
        if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null) _ = setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
    }

#pragma warning disable SYSLIB1054 // A blittable signature: no generated marshalling code for one call at start-up.
    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern int setenv(string name, string value, int overwrite);
#pragma warning restore SYSLIB1054
}
