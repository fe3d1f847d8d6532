using ConvSpec.Convolution;
using ConvSpec.Reference;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>The worked answer in the d2l discussion that writes d2l's corr2d example as a matrix product.</summary>
public class D2lDiscussionSpecs
{
    // d2l's example: X = 0..8 as 3×3, K = [[0, 1], [2, 3]], Y = [[19, 25], [37, 43]].
    private static readonly double[,] X = { { 0, 1, 2 }, { 3, 4, 5 }, { 6, 7, 8 } };
    private static readonly double[,] K = { { 0, 1 }, { 2, 3 } };

    /// <summary>
    /// The discussion's code: Km = zeros(9, 5); Km[i:i+5, i] = [0, 1, 0, 2, 3] for i in 0..3; then it drops the
    /// column with index 2 (Km.t(), remove row 2, .t()) and multiplies X = [0, 1, …, 8] by the 9×4 rest.
    /// </summary>
    private static double[] DiscussionProduct()
    {
        var km = new double[9, 5];
        double[] kv = [0, 1, 0, 2, 3];
        for (int i = 0; i < 4; i++)
        {
            for (int r = 0; r < 5; r++)
                km[i + r, i] = kv[r];
        }
        int[] kept = [0, 1, 3, 4];
        return kept.Select(c => Enumerable.Range(0, 9).Sum(r => r * km[r, c])).ToArray();
    }

    [Fact]
    [Specifies("Erratum E14")]
    public void The_discussions_matrix_loses_the_fourth_output()
    {
        DiscussionProduct().Should().Equal([19, 25, 37, 0], "this is the result the discussion prints");
        Matrices.Vec(TorchReference.Conv2d(X, K)).Should().Equal([19, 25, 37, 43], "conv2d gives d2l's Y, whose last entry is 43");
    }
}
