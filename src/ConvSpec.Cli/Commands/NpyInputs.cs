using ConvSpec.Arrays;
using ConvSpec.IO;

namespace ConvSpec.Cli.Commands;

/// <summary>Reads the .npy operands of a command and checks they can be used together.</summary>
internal static class NpyInputs
{
    /// <summary>Both operands, non-empty, finite and of one dtype (see README, "Rules").</summary>
    public static (NpyMatrix First, NpyMatrix Second) ReadPair(string firstPath, string secondPath)
    {
        NpyMatrix first = ReadOperand(firstPath), second = ReadOperand(secondPath);
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

    /// <summary>Refuses a result that overflowed: finite inputs can still give ±∞ or NaN past the dtype's range.</summary>
    public static NpyMatrix RequireFinite(NpyMatrix result, string name, string outputPath)
    {
        if (result.FirstNonFinite() is (int r, int c))
            throw new ConvSpecInputException(outputPath,
                $"not written: {name} overflows {result.DtypeName} at ({r}, {c}) (value {NpyMatrix.Describe(result.ValueAt(r, c))}); scale the inputs down{(result.Dtype == NpyDtype.Float32 ? " or convert them to float64" : "")}.");
        return result;
    }

    private static NpyMatrix ReadOperand(string path)
    {
        NpyMatrix matrix = Npy.Read(path);
        if (matrix.Rows == 0 || matrix.Cols == 0)
            throw new ConvSpecInputException(path, $"the array is {matrix.Shape}, empty; a convolution needs at least one element.");
        if (matrix.FirstNonFinite() is (int r, int c))
            throw new ConvSpecInputException(path, $"element ({r}, {c}) is {NpyMatrix.Describe(matrix.ValueAt(r, c))}; ConvSpec computes with finite values only.");
        return matrix;
    }
}
