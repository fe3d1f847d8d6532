using System.CommandLine;

namespace ConvSpec.Cli.Instructor;

/// <summary>--suite: the suite's root folder; by default the nearest folder above the current one that holds ConvSpec.sln.</summary>
internal static class SuiteRootOption
{
    public static Option<DirectoryInfo> Create() => new("--suite")
    {
        Description = "Root of the pristine suite (default: the nearest folder upwards holding ConvSpec.sln).",
        DefaultValueFactory = _ => Find(new DirectoryInfo(Environment.CurrentDirectory)),
    };

    /// <summary>Whether <paramref name="folder"/> is the root of a suite checkout.</summary>
    public static bool IsSuite(string folder) => File.Exists(Path.Combine(folder, "ConvSpec.sln"));

    private static DirectoryInfo Find(DirectoryInfo start)
    {
        for (var folder = start; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ConvSpec.sln"))) return folder;
        }
        return start;
    }
}
