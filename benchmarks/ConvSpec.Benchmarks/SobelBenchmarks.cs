using BenchmarkDotNet.Attributes;
using ConvSpec.Convolution;
using ConvSpec.Reference;

namespace ConvSpec.Benchmarks;

/// <summary>The notebook's whole Sobel exercise on 170×150: two convolutions, magnitude, normalisation.</summary>
[MemoryDiagnoser]
public class SobelBenchmarks
{
    private float[,] _image = new float[170, 150];

    [GlobalSetup]
    public void Setup()
    {
        // Each benchmark runs in a process BenchmarkDotNet starts; it tunes malloc as the CLI does.
        ConvSpec.Training.MallocTuning.Apply();
        TorchSharp.torch.set_num_threads(2);
        var random = new Random(2);
        for (int r = 0; r < 170; r++)
        {
            for (int c = 0; c < 150; c++) _image[r, c] = random.NextSingle();
        }
    }

    [Benchmark(Baseline = true, Description = "ApplyCustomSobel (hand-written)")]
    public float[,] HandWritten() => Sobel.ApplyCustomSobel(_image);

    [Benchmark(Description = "ApplySobel (conv2d reference)")]
    public float[,] Reference() => TorchReference.ApplySobel(_image);
}
