using BenchmarkDotNet.Attributes;
using ConvSpec.Convolution;
using ConvSpec.Reference;
using static TorchSharp.torch;

namespace ConvSpec.Benchmarks;

/// <summary>
/// One 3×3 kernel over one single-channel float image: the hand-written ApplyConvolution against
/// TorchSharp's conv2d, with and without moving the data between arrays and tensors.
/// </summary>
[MemoryDiagnoser]
public class ConvolutionBenchmarks
{
    private float[,] _image = new float[1, 1];
    private readonly float[,] _kernel = SobelKernels.Gx<float>();
    private Tensor _imageTensor = zeros(1);
    private Tensor _kernelTensor = zeros(1);

    [Params("170x150", "512x512")]
    public string Size { get; set; } = "170x150";

    [GlobalSetup]
    public void Setup()
    {
        // Each benchmark runs in a process BenchmarkDotNet starts; it tunes malloc as the CLI does.
        ConvSpec.Training.MallocTuning.Apply();
        set_num_threads(2);
        int[] dims = Size.Split('x').Select(int.Parse).ToArray();
        var random = new Random(1);
        _image = new float[dims[0], dims[1]];
        for (int r = 0; r < dims[0]; r++)
        {
            for (int c = 0; c < dims[1]; c++) _image[r, c] = random.NextSingle();
        }
        _imageTensor = tensor(_image).view(1, 1, dims[0], dims[1]);
        _kernelTensor = tensor(_kernel).view(1, 1, 3, 3);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _imageTensor.Dispose();
        _kernelTensor.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ApplyConvolution (hand-written)")]
    public float[,] HandWritten() => Convolution2D.ApplyConvolution(_image, _kernel);

    [Benchmark(Description = "conv2d, tensors already made")]
    public long Conv2dOnTensors()
    {
        using Tensor y = nn.functional.conv2d(_imageTensor, _kernelTensor);
        return y.shape[3];
    }

    [Benchmark(Description = "conv2d from float[,] and back")]
    public float[,] Conv2dFromArrays() => TorchReference.Conv2d(_image, _kernel);
}
