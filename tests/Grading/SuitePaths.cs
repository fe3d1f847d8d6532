using System.Reflection;

namespace ConvSpec.Tests.Grading;

/// <summary>Where the suite and the build outputs these specs use are, found from the test assembly's location.</summary>
internal static class SuitePaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(SuitePaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string GradedAssembly => Path.Combine(Root, "tests/Graded/bin", Configuration, "net10.0/ConvSpec.Tests.Graded.dll");

    public static string Samples => Path.Combine(Root, "tests/Grading/Submissions");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ConvSpec.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("ConvSpec.sln was not found above " + AppContext.BaseDirectory);
    }
}
