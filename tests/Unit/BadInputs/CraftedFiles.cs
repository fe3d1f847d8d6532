using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ConvSpec.Tests.Unit.BadInputs;

/// <summary>
/// Hostile inputs, made small and on the spot: PNGs whose header claims more pixels than they carry
/// (a few KB, decodable only as far as they go), and .npy files whose header lies about their size.
/// </summary>
public static class CraftedFiles
{
    /// <summary>
    /// An 8-bit gray PNG that claims <paramref name="width"/>×<paramref name="height"/> pixels and holds
    /// the first <paramref name="rows"/> rows of zeros: a decompression bomb cut short, a few KB on disk.
    /// </summary>
    public static byte[] PngClaiming(int width, int height, int rows = 16)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // gray
        Chunk(png, "IHDR", header);
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[(long)width + 1 > 1 << 20 ? 1 << 20 : width + 1];
                for (int r = 0; r < rows; r++) zlib.Write(row);
            }
            Chunk(png, "IDAT", pixels.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A float64 .npy whose 'shape' entry is written as given, followed by <paramref name="dataBytes"/> zero bytes.</summary>
    public static byte[] NpyWithShape(string shape, int dataBytes, string descr = "<f8")
    {
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({shape}), }}";
        int unpadded = 6 + 2 + 2 + dict.Length + 1;
        string header = dict + new string(' ', (64 - unpadded % 64) % 64) + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 };
        bytes.AddRange(BitConverter.GetBytes((ushort)header.Length));
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(new byte[dataBytes]);
        return [.. bytes];
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    /// <summary>PNG's CRC-32 (polynomial 0xEDB88320), bit by bit: the chunks here are small.</summary>
    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return crc ^ 0xFFFFFFFF;
    }
}
