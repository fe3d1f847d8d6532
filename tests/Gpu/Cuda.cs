using static TorchSharp.torch;

namespace ConvSpec.Tests.Gpu;

/// <summary>Skips the calling test, with the reason, where no CUDA device can be used.</summary>
public static class Cuda
{
    public static void SkipUnlessAvailable()
    {
        bool available;
        try
        {
            available = cuda.is_available();
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException)
        {
            available = false;
        }
        Assert.SkipUnless(available,
            "No CUDA device available to TorchSharp: build with -p:TorchBackend=cuda (TorchSharp-cuda-linux) on a machine with an NVIDIA GPU.");
    }
}
