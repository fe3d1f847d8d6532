using System.Globalization;
using ConvSpec.Arrays;

namespace ConvSpec.Cli.Commands;

/// <summary>A result small enough to read on the screen, printed there when no output file is given.</summary>
internal static class ScreenMatrix
{
    /// <summary>The most rows, and the most columns, a result printed on the screen may have.</summary>
    public const int Limit = 12;

    /// <summary>
    /// Prints <paramref name="matrix"/> as rows of numbers (each the shortest text that reads back as the same value),
    /// or refuses, before anything is printed, one too large for the screen, saying how to save it.
    /// </summary>
    public static void Print(string name, NpyMatrix matrix, string saveOption)
    {
        if (matrix.Rows > Limit || matrix.Cols > Limit)
            throw new ArgumentException(
                $"{name} is {matrix.Shape}, more than the {Limit}×{Limit} printed on the screen; give {saveOption} FILE.npy to save it.");
        var cells = new string[matrix.Rows, matrix.Cols];
        int width = 1;
        for (int r = 0; r < matrix.Rows; r++)
        {
            for (int c = 0; c < matrix.Cols; c++)
            {
                cells[r, c] = matrix.Dtype == NpyDtype.Float32
                    ? ((float)matrix.ValueAt(r, c)).ToString("R", CultureInfo.InvariantCulture)
                    : matrix.ValueAt(r, c).ToString("R", CultureInfo.InvariantCulture);
                width = Math.Max(width, cells[r, c].Length);
            }
        }
        Console.WriteLine($"{name} {matrix.Shape} {matrix.DtypeName} (not saved; {saveOption} FILE.npy writes it to a file):");
        for (int r = 0; r < matrix.Rows; r++)
            Console.WriteLine("  " + string.Join("  ", Enumerable.Range(0, matrix.Cols).Select(c => cells[r, c].PadLeft(width))));
    }
}
