using System.CommandLine;

namespace ConvSpec.Cli.Instructor;

/// <summary>
/// --suite: the suite's root folder; without it, the nearest folder above the current one that holds ConvSpec.sln.
/// The folder is looked up when the command runs, not as the option's default, so help shows no path of this machine's.
/// </summary>
internal static class SuiteRootOption
{
    public static Option<DirectoryInfo?> Create() => new("--suite")
    {
        Description = "Root of the pristine suite (default: the nearest folder upwards holding ConvSpec.sln).",
    };

    /// <summary>The folder given, or the one found from the current folder.</summary>
    public static string Resolve(DirectoryInfo? given)
    {
        if (given is not null) return given.FullName;
        var current = new DirectoryInfo(Environment.CurrentDirectory);
        return (StarterRoot.Find(current) ?? current).FullName;
    }

    /// <summary>Whether <paramref name="folder"/> is the root of a suite checkout.</summary>
    public static bool IsSuite(string folder) => File.Exists(Path.Combine(folder, "ConvSpec.sln"));
}
