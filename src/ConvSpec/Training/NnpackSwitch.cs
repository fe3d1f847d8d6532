using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace ConvSpec.Training;

/// <summary>
/// Keeps libtorch from trying NNPACK on a CPU that NNPACK cannot use. NNPACK needs AVX2 and FMA3 on x86-64;
/// without them every process's first convolution prints "Could not initialize NNPACK! Reason: Unsupported
/// hardware." and falls back to libtorch's own kernels anyway. Turning NNPACK off there (libtorch checks the user
/// switch before it initialises NNPACK) removes the warning and changes no result; where NNPACK works it stays on.
/// Entry points call this (the CLI, the test hosts), not the library on load, so that nothing runs in a process
/// that merely loads the library.
/// </summary>
public static class NnpackSwitch
{
    /// <summary>True when NNPACK was turned off because this CPU cannot run it.</summary>
    public static bool OffWhereUnsupported()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64 || (Avx2.IsSupported && Fma.IsSupported))
            return false;
        try
        {
            Enabled = false;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // another libtorch build: it may warn, but it computes the same.
        }
    }

    /// <summary>libtorch's own switch for NNPACK in this process (on by default).</summary>
    public static bool Enabled
    {
        get => UserEnabledNnpack(GlobalContext());
        set => SetUserEnabledNnpack(GlobalContext(), value);
    }

    // at::globalContext() and at::Context::setUserEnabledNNPACK(bool), the switch behind PyTorch's
    // torch.backends.nnpack.set_flags, which TorchSharp does not expose. DllImport as in MallocTuning.
#pragma warning disable SYSLIB1054
    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport("libtorch_cpu", EntryPoint = "_ZNK2at7Context17userEnabledNNPACKEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledNnpack(IntPtr context);

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
#pragma warning restore SYSLIB1054
}
