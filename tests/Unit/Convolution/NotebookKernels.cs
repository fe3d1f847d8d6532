namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>
/// The Sobel kernels as the notebook writes them (`sobel_x`, `sobel_y` in apply_sobel), typed out here so that no
/// spec takes its expected kernel from the code it checks.
/// </summary>
internal static class NotebookKernels
{
    public static double[,] SobelX => new double[,]
    {
        { -1, 0, 1 },
        { -2, 0, 2 },
        { -1, 0, 1 },
    };

    public static double[,] SobelY => new double[,]
    {
        { -1, -2, -1 },
        { 0, 0, 0 },
        { 1, 2, 1 },
    };
}
