namespace ConvSpec.Arrays;

public enum NpyDtype
{
    Float32,
    Float64,
}

/// <summary>A 2-D array read from a .npy file, in the dtype it was stored in.</summary>
public sealed class NpyMatrix
{
    private NpyMatrix(NpyDtype dtype, float[,]? float32, double[,]? float64)
    {
        Dtype = dtype;
        Float32 = float32;
        Float64 = float64;
    }

    public static NpyMatrix Of(float[,] values) => new(NpyDtype.Float32, values, null);

    public static NpyMatrix Of(double[,] values) => new(NpyDtype.Float64, null, values);

    public NpyDtype Dtype { get; }

    /// <summary>The values when <see cref="Dtype"/> is Float32, else null.</summary>
    public float[,]? Float32 { get; }

    /// <summary>The values when <see cref="Dtype"/> is Float64, else null.</summary>
    public double[,]? Float64 { get; }

    public int Rows => Float32?.GetLength(0) ?? Float64!.GetLength(0);

    public int Cols => Float32?.GetLength(1) ?? Float64!.GetLength(1);

    public string Shape => $"{Rows}×{Cols}";

    /// <summary>The element at row <paramref name="row"/>, column <paramref name="col"/>, as a double.</summary>
    public double ValueAt(int row, int col) => Float32?[row, col] ?? Float64![row, col];

    /// <summary>A value as a message shows it, the same in every culture: 1.5, NaN, +infinity, -infinity.</summary>
    public static string Describe(double value) => value switch
    {
        double.PositiveInfinity => "+infinity",
        double.NegativeInfinity => "-infinity",
        _ => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The first element, in C order, that is NaN or infinite; null when all are finite.</summary>
    public (int Row, int Col)? FirstNonFinite() => Float32 is { } f ? Finite.FirstNonFinite(f) : Finite.FirstNonFinite(Float64!);

    /// <summary>NumPy's name for the dtype, as a user would write it.</summary>
    public string DtypeName => Dtype == NpyDtype.Float32 ? "float32" : "float64";
}
