using System.Buffers.Binary;
using System.IO.Compression;

namespace ConvSpec.Mnist;

/// <summary>
/// Reads MNIST's IDX files: a big-endian magic number (0x00000803 for images, 0x00000801 for labels),
/// big-endian dimension sizes, then one unsigned byte per element. Accepts the raw file or its gzip.
/// </summary>
public static class IdxReader
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    /// <summary>Images as one byte array of count × rows × columns pixels, row-major.</summary>
    public static IdxImages ReadImages(string path)
    {
        var bytes = ReadAllBytesMaybeGzip(path);
        var dims = ReadHeader(bytes, path, ImagesMagic, dimensions: 3);
        var pixels = Payload(bytes, path, headerLength: 16, (long)dims[0] * dims[1] * dims[2]);
        return new IdxImages(dims[0], dims[1], dims[2], pixels);
    }

    public static byte[] ReadLabels(string path)
    {
        var bytes = ReadAllBytesMaybeGzip(path);
        var dims = ReadHeader(bytes, path, LabelsMagic, dimensions: 1);
        return Payload(bytes, path, headerLength: 8, dims[0]);
    }

    /// <summary>Images and labels of one split; refuses a pair whose counts differ.</summary>
    public static (IdxImages Images, byte[] Labels) ReadPair(string imagesPath, string labelsPath)
    {
        var images = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath);
        if (images.Count != labels.Length)
        {
            throw new IdxFormatException(
                $"{imagesPath} holds {images.Count} images but {labelsPath} holds {labels.Length} labels; they must match.");
        }
        return (images, labels);
    }

    private static byte[] ReadAllBytesMaybeGzip(string path)
    {
        var raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b)
        {
            return raw;
        }
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new IdxFormatException($"{path}: the gzip stream is damaged or truncated ({e.Message}).");
        }
    }

    private static int[] ReadHeader(byte[] bytes, string path, int expectedMagic, int dimensions)
    {
        var headerLength = 4 + (4 * dimensions);
        if (bytes.Length < headerLength)
        {
            throw new IdxFormatException(
                $"{path}: truncated header: {bytes.Length} bytes, but the header alone needs {headerLength}.");
        }
        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic != expectedMagic)
        {
            throw new IdxFormatException(
                $"{path}: bad magic number 0x{magic:X8}, expected 0x{expectedMagic:X8} " +
                $"({(expectedMagic == ImagesMagic ? "images" : "labels")}).");
        }
        var dims = new int[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + (4 * i)));
            if (dims[i] < 0)
            {
                throw new IdxFormatException($"{path}: dimension {i} has a negative size {dims[i]}.");
            }
        }
        return dims;
    }

    private static byte[] Payload(byte[] bytes, string path, int headerLength, long expected)
    {
        long actual = bytes.Length - headerLength;
        if (actual < expected)
        {
            throw new IdxFormatException(
                $"{path}: truncated: the header promises {expected} data bytes but only {actual} follow.");
        }
        if (actual > expected)
        {
            throw new IdxFormatException(
                $"{path}: {actual - expected} unexpected bytes after the {expected} data bytes the header promises.");
        }
        return bytes.AsSpan(headerLength).ToArray();
    }
}
