using System.Security.Cryptography;
using System.Text;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Grading.Grade.Shards;

/// <summary>
/// A SHA-256 of the suite's files (each path and its bytes, in ordinal order) and of the settings that can change a
/// verdict (time limits, sandbox, intake limits). Shards of one class must agree on it: merged shards of two suites,
/// or of two time limits, would not be the reports of any single run.
/// </summary>
public static class SuiteFingerprint
{
    public static string Of(string suiteRoot, string settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string path in SuiteFiles.List(suiteRoot))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\0"));
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(Path.Combine(suiteRoot, path))));
        }
        hash.AppendData(Encoding.UTF8.GetBytes("\0settings\0" + settings));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
