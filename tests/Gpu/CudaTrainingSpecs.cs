using ConvSpec.Mnist;
using ConvSpec.Models;
using ConvSpec.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Gpu;

[Trait("Category", "Gpu")]
public sealed class CudaTrainingSpecs
{
    /// <summary>CPU and GPU logits may differ by float rounding and cuDNN's algorithm choice (TF32 where enabled).</summary>
    private const double Tolerance = 2e-3;

    [Fact]
    [Specifies("Rule: MNIST accuracy thresholds")]
    public async Task Lab_cnn_reaches_the_cpu_threshold_after_one_epoch_on_cuda()
    {
        Cuda.SkipUnlessAvailable();
        var data = await MnistData.LoadAsync(cancel: TestContext.Current.CancellationToken);

        var report = MnistTraining.Run(data, new TrainingOptions(ModelKind.LabCnn, Epochs: 1, Seed: 0, Device: "cuda"));

        report.Test.Samples.Should().Be(10000);
        report.Test.Accuracy.Should().BeGreaterThanOrEqualTo(MnistThresholds.LabCnnOneEpoch);
    }

    [Fact]
    [Specifies("Rule: model shapes")]
    public void Cpu_and_gpu_forward_passes_agree_on_a_fixed_batch()
    {
        Cuda.SkipUnlessAvailable();
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        using var model = LabCnn.Create();
        model.eval();
        var batch = rand(32, 1, 28, 28);

        using var noGrad = no_grad();
        var onCpu = model.call(batch);
        model.to(CUDA);
        var onGpu = model.call(batch.to(CUDA)).cpu();

        var difference = (onGpu - onCpu).abs().max().item<float>();
        var scale = Math.Max(1f, onCpu.abs().max().item<float>());
        difference.Should().BeLessThanOrEqualTo((float)(Tolerance * scale),
            $"logits on CUDA should match the CPU's within {Tolerance} relative to their largest magnitude");
    }
}
