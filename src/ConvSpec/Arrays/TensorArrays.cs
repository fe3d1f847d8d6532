using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpec.Arrays;

/// <summary>Moves 2-D arrays between T[,] and TorchSharp tensors (float32 or float64): the one place the library converts them.</summary>
public static class TensorArrays
{
    /// <summary>A 2-D tensor holding a copy of <paramref name="matrix"/>, in its own dtype.</summary>
    public static Tensor ToTensor<T>(T[,] matrix) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix switch
        {
            float[,] f => tensor(f),
            double[,] d => tensor(d),
            _ => throw new NotSupportedException($"{typeof(T).Name} has no TorchSharp dtype here; use float or double."),
        };
    }

    /// <summary>A copy of a 2-D tensor's values as T[,], converting the dtype where needed.</summary>
    public static T[,] ToMatrix<T>(Tensor tensor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dim() != 2)
            throw new ArgumentException($"expected a 2-D tensor, got shape [{string.Join(", ", tensor.shape)}].", nameof(tensor));
        ScalarType dtype = typeof(T) == typeof(float) ? ScalarType.Float32
            : typeof(T) == typeof(double) ? ScalarType.Float64
            : throw new NotSupportedException($"{typeof(T).Name} has no TorchSharp dtype here; use float or double.");

        using var contiguous = tensor.to(dtype).cpu().contiguous();
        int rows = (int)tensor.shape[0], cols = (int)tensor.shape[1];
        var result = new T[rows, cols];
        ReadOnlySpan<T> values = contiguous.data<T>().ToArray();
        values.CopyTo(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref result[0, 0], result.Length));
        return result;
    }
}
