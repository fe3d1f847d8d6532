using ConvSpec.Convolution;
using ConvSpec.Reference;

namespace ConvSpec.Tests.Unit.Convolution;

public class SobelSpecs
{
    [Theory]
    [Specifies("Eq. 2")]
    [InlineData("camera.png", 0)]
    [InlineData("astronaut.png", 0)]
    public void Hand_written_Sobel_equals_the_TorchSharp_reference(string file, int channel)
    {
        float[,] image = TestImages.Channel(file, channel);

        float[,] mine = Sobel.ApplyCustomSobel(image);
        float[,] reference = TorchReference.ApplySobel(image);

        Matrices.Shape(mine).Should().Be($"{image.GetLength(0) - 2}×{image.GetLength(1) - 2}", "a 3×3 kernel trims one pixel per side");
        // Both sides compute in float32 and normalise to a maximum of 1: differences are rounding, ≈ 1e-7.
        Matrices.MaxAbsDifference(mine, reference).Should().BeLessThan(1e-5,
            "ApplyCustomSobel on {0} (channel {1}) should match conv2d's Sobel magnitude", file, channel);
    }

    [Fact]
    [Specifies("Eq. 2")]
    public void Sobel_kernels_are_the_notebooks_kernels_weight_by_weight()
    {
        SobelKernels.Gx<double>().Should().BeEquivalentTo(NotebookKernels.SobelX, o => o.WithStrictOrdering(),
            "G_x is the notebook's sobel_x: rows (−1, 0, 1), (−2, 0, 2), (−1, 0, 1)");
        SobelKernels.Gy<double>().Should().BeEquivalentTo(NotebookKernels.SobelY, o => o.WithStrictOrdering(),
            "G_y is the notebook's sobel_y: rows (−1, −2, −1), (0, 0, 0), (1, 2, 1)");
        SobelKernels.Gx<float>().Should().BeEquivalentTo(Matrices.ToFloat(NotebookKernels.SobelX), o => o.WithStrictOrdering());
        SobelKernels.Gy<float>().Should().BeEquivalentTo(Matrices.ToFloat(NotebookKernels.SobelY), o => o.WithStrictOrdering());
    }

    [Fact]
    [Specifies("Eq. 2")]
    public void Sobel_of_a_small_image_equals_the_magnitude_computed_by_hand()
    {
        // x = (r + 1)·(c + 1)² on 3×4, rows (1, 4, 9, 16), (2, 8, 18, 32), (3, 12, 27, 48). By hand, the first window
        // gives G_x ∗ X = 8 + 2·16 + 24 = 64 and G_y ∗ X = 2 + 2·8 + 18 = 36; the second 12 + 2·24 + 36 = 96 and
        // 8 + 2·18 + 32 = 76. E = (√(64² + 36²), √(96² + 76²)) / √(96² + 76²).
        var x = new double[3, 4];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 4; c++)
                x[r, c] = (r + 1) * (c + 1) * (c + 1);
        }
        double[,] edges = Sobel.ApplyCustomSobel(x);
        Matrices.Shape(edges).Should().Be("1×2");
        edges[0, 0].Should().BeApproximately(Math.Sqrt(64 * 64 + 36 * 36) / Math.Sqrt(96 * 96 + 76 * 76), 1e-15);
        edges[0, 1].Should().Be(1, "the stronger of the two responses is divided by itself");
    }

    private static float[,] Step(bool vertical)
    {
        // A vertical edge: left half 0, right half 1 (columns 4.. are bright). A horizontal edge: rows 4.. are bright.
        var x = new float[8, 8];
        for (int r = 0; r < 8; r++)
        {
            for (int c = 0; c < 8; c++)
                x[r, c] = (vertical ? c : r) >= 4 ? 1 : 0;
        }
        return x;
    }

    [Fact]
    [Specifies("Erratum E3")]
    public void Gx_responds_to_a_vertical_edge()
    {
        float[,] gx = Convolution2D.ApplyConvolution(Step(vertical: true), SobelKernels.Gx<float>());
        for (int r = 0; r < gx.GetLength(0); r++)
        {
            // Windows over columns 2..4 and 3..5 straddle the edge and see (1 + 2 + 1)·(1 − 0) = 4.
            Enumerable.Range(0, 6).Select(c => gx[r, c]).Should().Equal([0f, 0f, 4f, 4f, 0f, 0f],
                "G_x differentiates along a row, so it lights up where brightness changes from left to right (row {0})", r);
        }
    }

    [Fact]
    [Specifies("Erratum E3")]
    public void Gx_ignores_a_horizontal_edge()
    {
        float[,] gx = Convolution2D.ApplyConvolution(Step(vertical: false), SobelKernels.Gx<float>());
        Matrices.Vec(gx).Should().AllBeEquivalentTo(0f,
            "every row of a horizontal step is constant, and G_x's columns sum (−1, 0, 1) weights along a row; the notebook says G_x detects horizontal edges");
    }

    [Fact]
    [Specifies("Erratum E3")]
    public void Gy_responds_to_a_horizontal_edge_and_ignores_a_vertical_one()
    {
        float[,] onHorizontal = Convolution2D.ApplyConvolution(Step(vertical: false), SobelKernels.Gy<float>());
        float[,] onVertical = Convolution2D.ApplyConvolution(Step(vertical: true), SobelKernels.Gy<float>());
        Enumerable.Range(0, 6).Select(r => onHorizontal[r, 0]).Should().Equal([0f, 0f, 4f, 4f, 0f, 0f],
            "G_y = G_xᵀ differentiates down a column");
        Matrices.Vec(onVertical).Should().AllBeEquivalentTo(0f, "a vertical step is constant down every column");
    }

    [Fact]
    [Specifies("Eq. 2")]
    public void Sobel_magnitude_peaks_at_one_and_is_zero_on_a_flat_image()
    {
        float[,] edges = Sobel.ApplyCustomSobel(Step(vertical: true));
        Matrices.Vec(edges).Max().Should().Be(1f, "E is divided by its maximum");
        float[,] flat = Sobel.ApplyCustomSobel(new float[5, 5]);
        Matrices.Vec(flat).Should().AllBeEquivalentTo(0f, "a flat image has no edges, and 0/0 must not turn into NaN");
    }
}
