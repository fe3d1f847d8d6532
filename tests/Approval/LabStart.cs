namespace ConvSpec.Tests.Approval;

internal static class LabStart
{
    /// <summary>torch.rand's role in the notebook: uniform [0, 1) pixels, here from a seeded System.Random.</summary>
    public static float[,] RandomImage(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var image = new float[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++) image[r, c] = random.NextSingle();
        }
        return image;
    }
}
