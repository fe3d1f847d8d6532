using ConvSpec.Convolution;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>d2l 6.2.4: recover K = [1, −1] from a 6×8 image with a vertical stripe and its edge map.</summary>
public class KernelLearningSpecs
{
    /// <summary>Ones, with columns 2..5 set to zero (d2l's X[:, 2:6] = 0).</summary>
    private static double[,] StripeImage()
    {
        var x = new double[6, 8];
        for (int r = 0; r < 6; r++)
        {
            for (int c = 0; c < 8; c++)
                x[r, c] = c is >= 2 and <= 5 ? 0 : 1;
        }
        return x;
    }

    /// <summary>The stripe's edge map written down by hand: +1 in column 1 and −1 in column 5 of every row.</summary>
    private static double[,] StripeEdges()
    {
        var y = new double[6, 7];
        for (int r = 0; r < 6; r++)
        {
            y[r, 1] = 1;
            y[r, 5] = -1;
        }
        return y;
    }

    [Fact]
    [Specifies("Eq. 12")]
    public void Stripe_edges_are_plus_one_and_minus_one()
    {
        // By hand: x_ij − x_{i,j+1} is 1 − 0 at column 1 and 0 − 1 at column 5.
        double[,] y = Convolution2D.ApplyConvolution(StripeImage(), Matrices.Row(1.0, -1.0));
        for (int r = 0; r < 6; r++)
        {
            Enumerable.Range(0, 7).Select(c => y[r, c]).Should().Equal([0, 1, 0, 0, 0, -1, 0],
                "row {0}: the stripe's left edge gives +1 and its right edge −1", r);
        }
    }

    [Fact]
    [Specifies("Eq. 12")]
    public void Learning_recovers_the_difference_kernel()
    {
        double[,] x = StripeImage();
        double[,] y = StripeEdges();
        var random = new Random(624);
        double[,] start = Matrices.Row(random.NextDouble(), random.NextDouble());

        // The loss's Hessian is 2·Σ w·wᵀ over the 42 windows w, [[36, 24], [24, 36]] with eigenvalues 60 and 12; with
        // η = 0.03 the error shrinks at least by max|1 − ηλ| = 0.8 per step, so 0.8¹⁰⁰ ≈ 2e-10 after 100 steps.
        var fit = KernelLearning.LearnKernel(x, y, start, 0.03, 100);

        fit.Kernel[0, 0].Should().BeApproximately(1, 1e-6, "the learned kernel should be [1, −1]; it was {0}", Matrices.Show(fit.Kernel));
        fit.Kernel[0, 1].Should().BeApproximately(-1, 1e-6, "the learned kernel should be [1, −1]; it was {0}", Matrices.Show(fit.Kernel));
    }

    [Fact]
    [Specifies("Eq. 12")]
    public void Learning_loss_never_increases()
    {
        double[,] x = StripeImage();
        double[,] y = StripeEdges();
        var fit = KernelLearning.LearnKernel(x, y, Matrices.Row(0.5, 0.5), 0.03, 30);
        for (int step = 1; step < fit.Losses.Count; step++)
        {
            fit.Losses[step].Should().BeLessThanOrEqualTo(fit.Losses[step - 1],
                "gradient descent on a quadratic with η below 2/λ_max = 1/30 cannot raise the loss (step {0})", step);
        }
        fit.Losses[0].Should().BeGreaterThan(1, "the start [0.5, 0.5] is far from [1, −1]");
    }
}
