using ConvSpec.Convolution;
using ConvSpec.Reference;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>
/// The notebook's compute_convolution_at_position / apply_convolution, transcribed: centred indexing
/// x[i + k − 1, j + l − 1] with i from 1 to height − 2, and an output fixed at (height − 2) × (width − 2).
/// </summary>
public class NotebookCodeSpecs
{
    private static double[,] NotebookApplyConvolution(double[,] img, double[,] kernel)
    {
        int height = img.GetLength(0), width = img.GetLength(1);
        var output = new double[height - 2, width - 2];
        for (int i = 1; i < height - 1; i++)
        {
            for (int j = 1; j < width - 1; j++)
            {
                double sum = 0;
                for (int k = 0; k < kernel.GetLength(0); k++)
                {
                    for (int l = 0; l < kernel.GetLength(1); l++)
                        sum += img[i + k - 1, j + l - 1] * kernel[k, l];
                }
                output[i - 1, j - 1] = sum;
            }
        }
        return output;
    }

    [Fact]
    [Specifies("Erratum E4")]
    public void Notebook_convolution_is_right_for_3x3_kernels()
    {
        var random = new Random(4);
        double[,] img = Matrices.RandomIntegers(7, 6, random), kernel = Matrices.RandomIntegers(3, 3, random);
        NotebookApplyConvolution(img, kernel).Should().BeEquivalentTo(TorchReference.Conv2d(img, kernel),
            o => o.WithStrictOrdering(), "for a 3×3 kernel the centred indexing and the fixed size happen to be right");
    }

    [Fact]
    [Specifies("Erratum E4")]
    public void Notebook_convolution_has_the_wrong_size_for_a_2x2_kernel()
    {
        var random = new Random(5);
        double[,] img = Matrices.RandomIntegers(7, 6, random), kernel = Matrices.RandomIntegers(2, 2, random);
        Matrices.Shape(NotebookApplyConvolution(img, kernel)).Should().Be("5×4", "the notebook allocates (height − 2) × (width − 2) whatever the kernel");
        Matrices.Shape(TorchReference.Conv2d(img, kernel)).Should().Be("6×5", "a 2×2 kernel leaves 6×5 valid positions in a 7×6 image");
        Matrices.Shape(Convolution2D.ApplyConvolution(img, kernel)).Should().Be("6×5", "the library's convolution has the valid size");
    }

    [Fact]
    [Specifies("Erratum E4")]
    public void Notebook_convolution_reads_past_the_image_for_a_5x5_kernel()
    {
        var random = new Random(6);
        double[,] img = Matrices.RandomIntegers(7, 6, random), kernel = Matrices.RandomIntegers(5, 5, random);
        FluentActions.Invoking(() => NotebookApplyConvolution(img, kernel)).Should().Throw<IndexOutOfRangeException>(
            "i + k − 1 runs to (height − 2) + 4 − 1, past the last row, for a kernel wider than 3");
        Convolution2D.ApplyConvolution(img, kernel).GetLength(0).Should().Be(3, "the valid output is 3×2");
    }
}
