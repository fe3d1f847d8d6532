using System.CommandLine;

namespace ConvSpec.Cli.Instructor;

/// <summary>--suite: the suite's root folder; by default the nearest folder above the current one that holds ConvSpec.sln.</summary>
internal static class SuiteRootOption
{
    public static Option<DirectoryInfo> Create() => new("--suite")
    {
        Description = "Root of the pristine suite (default: the nearest folder upwards holding ConvSpec.sln).",
        DefaultValueFactory = _ =>
        {
            var current = new DirectoryInfo(Environment.CurrentDirectory);
            return StarterRoot.Find(current) ?? current;
        },
    };

    /// <summary>Whether <paramref name="folder"/> is the root of a suite checkout.</summary>
    public static bool IsSuite(string folder) => File.Exists(Path.Combine(folder, "ConvSpec.sln"));
}
