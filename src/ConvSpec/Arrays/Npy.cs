using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using ConvSpec.IO;

namespace ConvSpec.Arrays;

/// <summary>
/// NumPy's .npy format for 2-D float32/float64 arrays in C order: what scripts and notebooks exchange
/// with the CLI. Reads format versions 1.0, 2.0 and 3.0; writes 1.0.
/// </summary>
public static partial class Npy
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static NpyMatrix Read(string path)
    {
        InputPaths.RequireFile(path, "a .npy file");
        if (new FileInfo(path).Length > Array.MaxLength)
            throw new ConvSpecInputException(path, $"the file is {new FileInfo(path).Length:N0} bytes, larger than a .npy ConvSpec can read ({Array.MaxLength:N0}).");
        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            return Parse(bytes);
        }
        catch (FormatException e)
        {
            throw new ConvSpecInputException(path, e.Message, e);
        }
    }

    public static NpyMatrix Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(Magic))
            throw new FormatException("not a .npy file (it does not start with \\x93NUMPY).");
        byte major = bytes[6];
        int headerLengthSize = major switch
        {
            1 => 2,
            2 or 3 => 4,
            _ => throw new FormatException($".npy format version {major}.{bytes[7]} is not supported (1.0, 2.0 and 3.0 are)."),
        };
        int preamble = 8 + headerLengthSize;
        if (bytes.Length < preamble) throw new FormatException("the file ends inside its header.");
        long headerLength = headerLengthSize == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..])
            : BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        if (preamble + headerLength > bytes.Length) throw new FormatException("the file ends inside its header.");
        string header = Encoding.UTF8.GetString(bytes.Slice(preamble, (int)headerLength));

        NpyDtype dtype = ParseDtype(header);
        if (FortranOrder().Match(header) is not { Success: true } order)
            throw new FormatException("the header has no 'fortran_order' entry.");
        if (order.Groups[1].Value == "True")
            throw new FormatException("the array is in Fortran (column-major) order; save it in C order (np.ascontiguousarray).");
        (int rows, int cols) = ParseShape(header);

        ReadOnlySpan<byte> data = bytes[(preamble + (int)headerLength)..];
        int elementSize = dtype == NpyDtype.Float32 ? 4 : 8;
        // In 128 bits: a crafted shape such as (4294967296, 4294967296) must not wrap to the file's real size.
        Int128 expected = (Int128)rows * cols * elementSize;
        if (data.Length < expected)
            throw new FormatException($"the data is truncated: a {rows}×{cols} {(dtype == NpyDtype.Float32 ? "float32" : "float64")} array needs {expected} bytes, the file has {data.Length}.");
        if (data.Length > expected)
            throw new FormatException($"the file has {data.Length - expected} bytes after the {rows}×{cols} array's data.");

        return dtype == NpyDtype.Float32
            ? NpyMatrix.Of(CopyInto(new float[rows, cols], data))
            : NpyMatrix.Of(CopyInto(new double[rows, cols], data));
    }

    private static T[,] CopyInto<T>(T[,] target, ReadOnlySpan<byte> data) where T : unmanaged
    {
        if (target.Length > 0)
            data.CopyTo(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref target[0, 0], target.Length)));
        return target;
    }

    private static NpyDtype ParseDtype(string header)
    {
        if (Descr().Match(header) is not { Success: true } descr)
            throw new FormatException("the header has no 'descr' entry.");
        return descr.Groups[1].Value switch
        {
            "<f4" or "=f4" when BitConverter.IsLittleEndian => NpyDtype.Float32,
            "<f8" or "=f8" when BitConverter.IsLittleEndian => NpyDtype.Float64,
            ">f4" or ">f8" => throw new FormatException($"dtype '{descr.Groups[1].Value}' is big-endian; store little-endian float32 or float64."),
            var other => throw new FormatException($"dtype '{other}' is not supported; use float32 ('<f4') or float64 ('<f8')."),
        };
    }

    private static (int Rows, int Cols) ParseShape(string header)
    {
        if (ShapeEntry().Match(header) is not { Success: true } shape)
            throw new FormatException("the header has no 'shape' entry.");
        int[] dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, out int n) && n >= 0 ? n : throw new FormatException($"shape ({shape.Groups[1].Value}) is not a list of sizes."))
            .ToArray();
        if (dims.Length != 2)
            throw new FormatException($"the array has rank {dims.Length} (shape ({shape.Groups[1].Value})); a 2-D matrix is expected.");
        return (dims[0], dims[1]);
    }

    /// <summary>Writes a .npy file (format 1.0, C order, the matrix's own dtype) atomically.</summary>
    public static void Write<T>(string path, T[,] matrix) where T : unmanaged, IFloatingPointIeee754<T> =>
        AtomicFile.Write(path, stream => Write(stream, matrix));

    public static void Write(string path, NpyMatrix matrix) => AtomicFile.Write(path, stream => Write(stream, matrix));

    public static void Write(Stream stream, NpyMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Float32 is { } f) Write(stream, f);
        else Write(stream, matrix.Float64!);
    }

    public static void Write<T>(Stream stream, T[,] matrix) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(matrix);
        string descr = matrix switch
        {
            float[,] => "<f4",
            double[,] => "<f8",
            _ => throw new NotSupportedException($"{typeof(T).Name} cannot be written as .npy here; use float or double."),
        };
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({matrix.GetLength(0)}, {matrix.GetLength(1)}), }}";
        // The header is padded with spaces and a newline so the data starts on a 64-byte boundary.
        int unpadded = Magic.Length + 2 + 2 + dict.Length + 1;
        string header = dict + new string(' ', (64 - unpadded % 64) % 64) + "\n";

        stream.Write(Magic);
        stream.Write([1, 0]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, checked((ushort)header.Length));
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(header));
        if (matrix.Length > 0)
            stream.Write(MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref matrix[0, 0], matrix.Length)));
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex Descr();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranOrder();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeEntry();
}
