namespace ConvSpec.Convolution;

/// <summary>Argument checks shared by the exercise code: every failure names the shapes involved.</summary>
internal static class Shapes
{
    public static string Of<T>(T[,] matrix) => $"{matrix.GetLength(0)}×{matrix.GetLength(1)}";

    public static void RequireNonEmpty<T>(T[,] matrix, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        if (matrix.GetLength(0) == 0 || matrix.GetLength(1) == 0)
            throw new ArgumentException($"{name} is empty ({Of(matrix)}); it needs at least one row and one column.", name);
    }

    public static void RequireKernelFits<T>(T[,] image, T[,] kernel, string imageName = "image", string kernelName = "kernel")
    {
        RequireNonEmpty(image, imageName);
        RequireNonEmpty(kernel, kernelName);
        if (kernel.GetLength(0) > image.GetLength(0) || kernel.GetLength(1) > image.GetLength(1))
            throw new ArgumentException(
                $"{kernelName} {Of(kernel)} is larger than {imageName} {Of(image)}; a valid convolution needs r(K) ≤ r(X) and c(K) ≤ c(X).",
                kernelName);
    }
}
