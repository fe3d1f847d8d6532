using System.Runtime.CompilerServices;

namespace ConvSpec.Convolution;

/// <summary>Argument checks shared by the exercise code: every failure names the shapes involved.</summary>
/// <remarks>
/// The names in the message describe the arrays to a student ("dLoss/dY"); the exception's ParamName is the
/// caller's own argument, so a debugger and a spec see which parameter was bad.
/// </remarks>
internal static class Shapes
{
    public static string Of<T>(T[,] matrix) => $"{matrix.GetLength(0)}×{matrix.GetLength(1)}";

    public static void RequireNonEmpty<T>(T[,] matrix, string name, [CallerArgumentExpression(nameof(matrix))] string parameter = "")
    {
        ArgumentNullException.ThrowIfNull(matrix, parameter);
        if (matrix.GetLength(0) == 0 || matrix.GetLength(1) == 0)
            throw new ArgumentException($"{name} is empty ({Of(matrix)}); it needs at least one row and one column.", parameter);
    }

    public static void RequireKernelFits<T>(T[,] image, T[,] kernel, string imageName = "image", string kernelName = "kernel",
        [CallerArgumentExpression(nameof(image))] string imageParameter = "", [CallerArgumentExpression(nameof(kernel))] string kernelParameter = "")
    {
        RequireNonEmpty(image, imageName, imageParameter);
        RequireNonEmpty(kernel, kernelName, kernelParameter);
        if (kernel.GetLength(0) > image.GetLength(0) || kernel.GetLength(1) > image.GetLength(1))
            throw new ArgumentException(
                $"{kernelName} {Of(kernel)} is larger than {imageName} {Of(image)}; a valid convolution needs r(K) ≤ r(X) and c(K) ≤ c(X).",
                kernelParameter);
    }

    /// <summary>The valid output's size, r(X)−r(K)+1 × c(X)−c(K)+1 (equation 1), once the kernel is known to fit.</summary>
    public static (int Rows, int Cols) ValidOutput<T>(T[,] image, T[,] kernel, string imageName = "image", string kernelName = "kernel",
        [CallerArgumentExpression(nameof(image))] string imageParameter = "", [CallerArgumentExpression(nameof(kernel))] string kernelParameter = "")
    {
        RequireKernelFits(image, kernel, imageName, kernelName, imageParameter, kernelParameter);
        return (OutputShape.Valid(image.GetLength(0), kernel.GetLength(0)), OutputShape.Valid(image.GetLength(1), kernel.GetLength(1)));
    }
}
