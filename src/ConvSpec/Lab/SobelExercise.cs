using ConvSpec.Convolution;
using ConvSpec.Imaging;
using ConvSpec.Reference;

namespace ConvSpec.Lab;

/// <summary>Exercise 2's outcome: the reference and hand-written edge images and how far apart they are.</summary>
public sealed record SobelOutcome(float[,] Input, float[,] Reference, float[,] Custom, float[,] GxOnly, float[,] GyOnly, double LargestDifference);

/// <summary>Exercise 2: Sobel edge detection with conv2d and with the hand-written convolution.</summary>
public static class SobelExercise
{
    /// <summary>The notebook's working size for the lab image.</summary>
    public const int Rows = 170, Cols = 150;

    public static SobelOutcome Run(string imagePath, int channel = 0)
    {
        float[,] input = ImageOps.ResizeBilinear(GrayImage.Load(imagePath, channel), Rows, Cols);
        float[,] reference = TorchReference.ApplySobel(input);
        float[,] custom = Sobel.ApplyCustomSobel(input);
        return new SobelOutcome(input, reference, custom,
            SingleKernel(input, SobelKernels.Gx<float>()), SingleKernel(input, SobelKernels.Gy<float>()), LargestDifference(reference, custom));
    }

    /// <summary>One kernel's response shown the way E is: |G ∗ I| divided by its maximum.</summary>
    public static float[,] SingleKernel(float[,] image, float[,] kernel)
    {
        float[,] response = Convolution2D.ApplyConvolution(image, kernel);
        return Sobel.Magnitude(response, new float[response.GetLength(0), response.GetLength(1)]);
    }

    private static double LargestDifference(float[,] a, float[,] b)
    {
        double largest = 0;
        for (int r = 0; r < a.GetLength(0); r++)
        {
            for (int c = 0; c < a.GetLength(1); c++) largest = Math.Max(largest, Math.Abs(a[r, c] - b[r, c]));
        }
        return largest;
    }
}
