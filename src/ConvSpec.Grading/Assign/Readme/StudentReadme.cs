using System.Globalization;
using System.Text;

namespace ConvSpec.Grading.Assign.Readme;

/// <summary>
/// The starter's README.md: the template beside this file (prose a student reads: how to build, check, hand in)
/// with the exercises filled in from the suite itself: the regions table of docs/grading.md (order, files, what
/// to write), the [Graded] attributes of tests/Graded (points, visible and hidden) and the headings of
/// docs/derivations.md (where to read). Nothing in the exercise list is written by hand twice.
/// </summary>
public static class StudentReadme
{
    /// <summary>The template, relative to the suite's root; instructor-only like the rest of the grader.</summary>
    public const string Template = "src/ConvSpec.Grading/Assign/Readme/StudentReadme.template.md";

    public const string ExercisesPlaceholder = "{{exercises}}";
    public const string TotalPlaceholder = "{{total}}";
    public const string HandInPlaceholder = "{{hand-in}}";

    /// <summary>The README for a starter whose students hand in <paramref name="submitPaths"/>.</summary>
    public static string Make(string suiteRoot, IReadOnlyList<string> submitPaths)
    {
        ArgumentNullException.ThrowIfNull(submitPaths);
        string templatePath = Path.Combine(suiteRoot, Template);
        if (!File.Exists(templatePath)) throw new IOException($"{Template} is missing; assign writes the student README from it.");
        var exercises = ExerciseTable.Read(suiteRoot);
        var specs = GradedSpecSource.Read(suiteRoot);
        var headings = DerivationSections.Headings(suiteRoot);
        Check(exercises, specs, submitPaths);

        var list = new StringBuilder();
        int number = 0;
        foreach (var exercise in exercises)
        {
            var own = specs.Where(s => s.Exercise == exercise.Exercise).ToList();
            int visible = own.Where(s => !s.Hidden).Sum(s => s.Points), hidden = own.Where(s => s.Hidden).Sum(s => s.Points);
            var sections = own.SelectMany(s => s.Specifies).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(r => DerivationSections.Find(headings, r)).Distinct(StringComparer.Ordinal);
            list.Append(CultureInfo.InvariantCulture, $"### {++number}. {exercise.Exercise}: {visible + hidden} points\n\n");
            list.Append(CultureInfo.InvariantCulture, $"- **Write** {exercise.Writes} in {string.Join(" and ", exercise.Files.Select(f => $"`{f}`"))}.\n");
            list.Append(CultureInfo.InvariantCulture, $"- **Read** `{DerivationSections.Document}`: {string.Join("; ", sections.Select(s => $"\"{s}\""))}.\n");
            list.Append(CultureInfo.InvariantCulture, $"- **Points**: {visible} from the specs you have, {hidden} more from hidden specs that run when your work is graded.\n");
            list.Append(CultureInfo.InvariantCulture, $"- **Run its specs alone**: `dotnet test --project tests/Graded -- --filter-trait \"Exercise={exercise.Exercise}\"`,\n");
            list.Append(CultureInfo.InvariantCulture, $"  or `dotnet run --project src/ConvSpec.Cli -- check --exercise {exercise.Exercise}` for the points.\n\n");
        }

        return File.ReadAllText(templatePath).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace(ExercisesPlaceholder, list.ToString().TrimEnd('\n'), StringComparison.Ordinal)
            .Replace(TotalPlaceholder, specs.Sum(s => s.Points).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(HandInPlaceholder, string.Join("\n", submitPaths.Select(p => $"- `{p}`")), StringComparison.Ordinal);
    }

    /// <summary>The table and the specs must describe the same exercises, and every file to write must be one handed in.</summary>
    private static void Check(IReadOnlyList<ExerciseFiles> exercises, IReadOnlyList<GradedSpecDeclaration> specs, IReadOnlyList<string> submitPaths)
    {
        var listed = exercises.Select(e => e.Exercise).ToHashSet(StringComparer.Ordinal);
        var graded = specs.Select(s => s.Exercise).ToHashSet(StringComparer.Ordinal);
        if (!listed.SetEquals(graded))
            throw new IOException($"{ExerciseTable.Document}'s regions table lists [{string.Join(", ", listed.Order(StringComparer.Ordinal))}] "
                + $"but tests/Graded grades [{string.Join(", ", graded.Order(StringComparer.Ordinal))}]; the student README needs both to agree.");
        foreach (string file in exercises.SelectMany(e => e.Files).Where(f => !submitPaths.Contains(f)))
            throw new IOException($"{ExerciseTable.Document}'s regions table names {file}, which holds no solution region.");
    }
}
