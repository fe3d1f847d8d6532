using System.Security.Cryptography;

namespace ConvSpec.Mnist;

/// <summary>Lower-case hex md5 of a file, the form MNIST's published checksums take.</summary>
public static class Md5
{
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Of(stream);
    }

    /// <summary>The md5 of a stream from its current position to its end.</summary>
    public static string Of(Stream stream)
    {
#pragma warning disable CA5351 // Integrity against MNIST's published md5 sums, not security.
        return Convert.ToHexStringLower(MD5.HashData(stream));
#pragma warning restore CA5351
    }
}
