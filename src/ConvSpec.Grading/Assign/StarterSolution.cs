namespace ConvSpec.Grading.Assign;

/// <summary>
/// The starter's solution file: the suite's ConvSpec.sln without the projects the starter leaves out, so that
/// `dotnet test` in the starter finds every project it names.
/// </summary>
public static class StarterSolution
{
    /// <summary>
    /// <paramref name="solution"/> without the project blocks whose file lies under one of <paramref name="folders"/>,
    /// without every line that names those projects (build configurations, nesting), and without solution folders left empty.
    /// </summary>
    public static string WithoutProjectsUnder(string solution, IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(folders);
        string newline = solution.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = solution.Split(newline).ToList();
        var removed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var project in Projects(lines))
        {
            if (folders.Any(f => project.Path.Replace('\\', '/').StartsWith(f, StringComparison.Ordinal))) removed.Add(project.Guid);
        }
        while (true)
        {
            lines = WithoutProjects(lines, removed);
            var emptyFolders = Projects(lines).Where(p => p.IsFolder && !lines.Any(l => IsNesting(l) && l.TrimEnd().EndsWith("= " + p.Guid, StringComparison.OrdinalIgnoreCase)))
                .Select(p => p.Guid).Where(g => !removed.Contains(g)).ToList();
            if (emptyFolders.Count == 0) return string.Join(newline, lines);
            removed.UnionWith(emptyFolders);
        }
    }

    private sealed record Project(string Path, string Guid, bool IsFolder);

    private const string SolutionFolderType = "{2150E333-8FDC-42A3-9474-1A3956D46DE8}";

    /// <summary>Project lines: Project("{type}") = "Name", "Path", "{guid}".</summary>
    private static IEnumerable<Project> Projects(List<string> lines)
    {
        foreach (string line in lines.Where(l => l.StartsWith("Project(\"", StringComparison.Ordinal)))
        {
            string[] quoted = line.Split('"');
            if (quoted.Length >= 8) yield return new Project(quoted[5], quoted[7], quoted[1].Equals(SolutionFolderType, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static bool IsNesting(string line) => line.TrimStart().StartsWith('{') && line.Contains(" = {", StringComparison.Ordinal);

    private static List<string> WithoutProjects(List<string> lines, IReadOnlySet<string> guids)
    {
        var kept = new List<string>();
        bool skipping = false;
        foreach (string line in lines)
        {
            if (line.StartsWith("Project(\"", StringComparison.Ordinal) && guids.Any(g => line.Contains(g, StringComparison.OrdinalIgnoreCase)))
            {
                skipping = true;
                continue;
            }
            if (skipping)
            {
                skipping = line.Trim() != "EndProject";
                continue;
            }
            if (!guids.Any(g => line.Contains(g, StringComparison.OrdinalIgnoreCase))) kept.Add(line);
        }
        return kept;
    }
}
