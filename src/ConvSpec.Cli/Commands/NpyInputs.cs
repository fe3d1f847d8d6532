using ConvSpec.Arrays;
using ConvSpec.IO;

namespace ConvSpec.Cli.Commands;

/// <summary>Reads the .npy operands of a command and checks they can be used together.</summary>
internal static class NpyInputs
{
    public static (NpyMatrix First, NpyMatrix Second) ReadPair(string firstPath, string secondPath)
    {
        NpyMatrix first = Npy.Read(firstPath), second = Npy.Read(secondPath);
        if (first.Dtype != second.Dtype)
            throw new ConvSpecInputException(secondPath, $"is {second.DtypeName} but {firstPath} is {first.DtypeName}; convert one so both have the same dtype.");
        return (first, second);
    }

    public static void RequireKernelFits(NpyMatrix image, string imagePath, NpyMatrix kernel, string kernelPath)
    {
        if (kernel.Rows > image.Rows || kernel.Cols > image.Cols)
            throw new ConvSpecInputException(kernelPath, $"kernel {kernel.Shape} is larger than the input {image.Shape} of {imagePath}.");
    }

    /// <summary>Applies a computation in the operands' own dtype, so float32 stays float32 and float64 stays float64.</summary>
    public static NpyMatrix Apply(NpyMatrix a, NpyMatrix b, Func<float[,], float[,], float[,]> single, Func<double[,], double[,], double[,]> @double) =>
        a.Dtype == NpyDtype.Float32 ? NpyMatrix.Of(single(a.Float32!, b.Float32!)) : NpyMatrix.Of(@double(a.Float64!, b.Float64!));
}
