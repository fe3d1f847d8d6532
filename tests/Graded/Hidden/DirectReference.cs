namespace ConvSpec.Tests.Graded.Hidden;

/// <summary>
/// Answers written out the plainest way, for the hidden specs only: like them, this file never reaches the
/// starter (it would hand a student the convolution and the Sobel kernel).
/// </summary>
internal static class DirectReference
{
    /// <summary>G_x of equation 2, as the notebook writes it.</summary>
    public static readonly double[,] SobelGx = { { -1, 0, 1 }, { -2, 0, 2 }, { -1, 0, 1 } };
}
