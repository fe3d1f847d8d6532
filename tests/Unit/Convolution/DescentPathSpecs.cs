using ConvSpec.Convolution;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>
/// The whole path of both iterative exercises against the same steps taken with TorchSharp's conv2d and autograd:
/// which loss is recorded (the one before each step), the gradient's factor 2, the number of steps, and that the
/// caller's arrays are left as they were.
/// </summary>
public class DescentPathSpecs
{
    private const int Steps = 4;

    [Fact]
    [Specifies("Eq. 11")]
    public void Ascent_records_the_loss_before_each_step_and_steps_along_the_autograd_gradient()
    {
        var random = new Random(711);
        double[,] start = Matrices.Random(6, 7, random), kernel = NotebookKernels.SobelX;
        double[,] startCopy = (double[,])start.Clone();
        const double eta = 0.01;

        var result = GradientAscent.MaximizeSumOfSquares(start, kernel, eta, Steps);

        double[,] x = (double[,])startCopy.Clone();
        var losses = new List<double>();
        for (int step = 0; step < Steps; step++)
        {
            var (loss, gradient) = TorchGradients.SumOfSquaresWrtInput(x, kernel);
            losses.Add(loss);
            x = Add(x, eta, gradient);
        }

        result.Losses.Should().HaveCount(Steps, "one loss per step, no more");
        result.Losses.Should().Equal(losses, (a, b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(b)),
            "loss t is Σ y² of the image before step t: autograd's path gives {0}", string.Join(", ", losses));
        Matrices.MaxAbsDifference(result.Image, x).Should().BeLessThan(1e-12,
            "x ← x + η·∂L/∂X with ∂L/∂Y = 2Y; after {0} steps autograd's path is at {1}", Steps, Matrices.Show(x));
        start.Should().BeEquivalentTo(startCopy, o => o.WithStrictOrdering(), "the caller's start image must not be overwritten");
        kernel.Should().BeEquivalentTo(NotebookKernels.SobelX, o => o.WithStrictOrdering(), "the kernel is read, never written");
    }

    [Fact]
    [Specifies("Eq. 12")]
    public void Learning_records_the_loss_before_each_step_and_descends_along_the_autograd_gradient()
    {
        var random = new Random(712);
        double[,] input = Matrices.Random(5, 6, random), target = Matrices.Random(4, 5, random);
        double[,] initial = Matrices.Random(2, 2, random);
        double[,] inputCopy = (double[,])input.Clone(), targetCopy = (double[,])target.Clone(), initialCopy = (double[,])initial.Clone();
        const double eta = 0.02;

        var fit = KernelLearning.LearnKernel(input, target, initial, eta, Steps);

        double[,] k = (double[,])initialCopy.Clone();
        var losses = new List<double>();
        for (int step = 0; step < Steps; step++)
        {
            var (loss, gradient) = TorchGradients.SquaredErrorWrtKernel(inputCopy, k, targetCopy);
            losses.Add(loss);
            k = Add(k, -eta, gradient);
        }

        fit.Losses.Should().HaveCount(Steps, "one loss per step, no more");
        fit.Losses.Should().Equal(losses, (a, b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(b)),
            "loss t is Σ (ŷ − y)² of the kernel before step t: autograd's path gives {0}", string.Join(", ", losses));
        // The factor 2 of ∂L/∂Ŷ = 2(Ŷ − Y) moves each step by twice as much; without it the kernel would be off by ≈ 1e-2 here.
        Matrices.MaxAbsDifference(fit.Kernel, k).Should().BeLessThan(1e-12,
            "K ← K − η·∂L/∂K with ∂L/∂Ŷ = 2(Ŷ − Y); after {0} steps autograd's path is at {1}", Steps, Matrices.Show(k));
        initial.Should().BeEquivalentTo(initialCopy, o => o.WithStrictOrdering(), "the caller's initial kernel must not be overwritten");
        input.Should().BeEquivalentTo(inputCopy, o => o.WithStrictOrdering(), "the input is read, never written");
        target.Should().BeEquivalentTo(targetCopy, o => o.WithStrictOrdering(), "the target is read, never written");
    }

    [Fact]
    [Specifies("Eq. 12")]
    public void Learning_from_the_answer_records_zero_loss_and_stays_there()
    {
        // d2l's stripe and its edges written by hand: K = [1, −1] is exact, so every loss is 0 and no step moves it.
        var x = new double[2, 4] { { 1, 1, 0, 0 }, { 0, 1, 1, 0 } };
        var y = new double[2, 3] { { 0, 1, 0 }, { -1, 0, 1 } };
        var fit = KernelLearning.LearnKernel(x, y, new double[,] { { 1, -1 } }, 0.1, 3);
        fit.Losses.Should().Equal([0.0, 0.0, 0.0], "the kernel that made Y has zero error at every step");
        fit.Kernel.Should().BeEquivalentTo(new double[,] { { 1, -1 } });
    }

    private static double[,] Add(double[,] point, double step, double[,] gradient)
    {
        var next = new double[point.GetLength(0), point.GetLength(1)];
        for (int r = 0; r < point.GetLength(0); r++)
        {
            for (int c = 0; c < point.GetLength(1); c++)
                next[r, c] = point[r, c] + step * gradient[r, c];
        }
        return next;
    }
}
