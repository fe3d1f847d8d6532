using System.Runtime.CompilerServices;
using ConvSpec.Imaging;
using ConvSpec.IO;
using SkiaSharp;

namespace ConvSpec.Tests.Approval.Snapshots;

/// <summary>
/// Approval snapshots of gray images, after Verify's conventions: <c>Name.verified.png</c> is committed
/// beside the test; a mismatch writes <c>Name.received.png</c> and <c>Name.diff.png</c> and fails naming
/// both; a match removes them. docs/approval.md says how to accept received files.
/// </summary>
public static class Snapshot
{
    /// <summary>
    /// Largest difference, in 8-bit levels, that still matches. Storing a float image rounds each pixel
    /// into a bin 1/255 wide; values that differ by less than a bin (float rounding, SIMD order, another
    /// libtorch build) can land in neighbouring bins, so a 1-level difference is noise and 2 is a change.
    /// </summary>
    public const int ToleranceLevels = 1;

    public static void Verify(float[,] image, string name, [CallerFilePath] string callerFile = "") =>
        Verify(GrayPng.Quantize(image), name, Path.Combine(Path.GetDirectoryName(callerFile)!, "Verified"));

    public static void Verify(byte[,] levels, string name, string directory)
    {
        Directory.CreateDirectory(directory);
        string verified = Path.Combine(directory, $"{name}.verified.png");
        string received = Path.Combine(directory, $"{name}.received.png");
        string diff = Path.Combine(directory, $"{name}.diff.png");

        if (!File.Exists(verified))
        {
            GrayPng.Save(levels, received);
            throw new SnapshotMismatchException(
                $"No verified snapshot {verified}. The received image is {received}; look at it and, if it is right, accept it (docs/approval.md).");
        }

        byte[,] expected = GrayImage.LoadLevels(verified);
        SnapshotComparison comparison = SnapshotComparison.Compare(expected, levels, ToleranceLevels);
        if (comparison.Matches)
        {
            File.Delete(received);
            File.Delete(diff);
            return;
        }

        GrayPng.Save(levels, received);
        if (comparison.SameSize)
            WriteDiff(expected, levels, diff);
        throw new SnapshotMismatchException(
            $"{name} differs from its snapshot: {comparison.Describe()}. " +
            $"Verified: {verified}. Received: {received}." + (comparison.SameSize ? $" Diff: {diff}." : ""));
    }

    /// <summary>The verified image dimmed, with every pixel beyond tolerance in red.</summary>
    private static void WriteDiff(byte[,] expected, byte[,] actual, string path)
    {
        int rows = expected.GetLength(0), cols = expected.GetLength(1);
        using var bitmap = new SKBitmap(new SKImageInfo(cols, rows, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                byte dim = (byte)(expected[r, c] / 3);
                bitmap.SetPixel(c, r, Math.Abs(expected[r, c] - actual[r, c]) > ToleranceLevels
                    ? new SKColor(255, 0, 0)
                    : new SKColor(dim, dim, dim));
            }
        }
        AtomicFile.WriteAllBytes(path, GrayPng.EncodeBitmap(bitmap));
    }
}

public sealed class SnapshotMismatchException(string message) : Exception(message);
