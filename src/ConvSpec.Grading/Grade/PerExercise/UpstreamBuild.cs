using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Results;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Grading.Grade.PerExercise;

/// <summary>
/// The second build of a submission, for the exercises that build on others (gradients on the convolution and the
/// bounds, Sobel on the convolution): the student's files of those exercises with the reference solution's files of
/// everything else, so that a mistake upstream costs its own points once and not again downstream. It is made only
/// when the student's upstream files differ from the solution's; when it does not compile (the dependent code uses
/// something the student added upstream) the dependent exercises fall back to the student's own build, and say so.
/// </summary>
internal sealed record UpstreamBuild(ExerciseRoutes Routes, IReadOnlyList<ExercisePart> Parts, string? FallbackNote)
{
    private static readonly UpstreamBuild NotNeeded = new(ExerciseRoutes.None, [], null);

    /// <param name="studentFiles">SUBMIT.txt path → the student's file on disk, under <paramref name="sources"/>.</param>
    public static async Task<UpstreamBuild> PrepareAsync(
        PristineSuite pristine, IReadOnlyDictionary<string, string> studentFiles, string sources, string workspace, Sandbox sandbox, CancellationToken cancel = default)
    {
        var dependent = ExerciseParts.Dependent.ToList();
        var upstream = dependent.SelectMany(d => d.BuildsOn).Distinct(StringComparer.Ordinal)
            .SelectMany(e => ExerciseParts.All.Single(p => p.Exercise == e).Files).ToList();
        if (upstream.All(path => SameAsSolution(path, studentFiles, pristine.Solution))) return NotNeeded;

        var ownFiles = dependent.SelectMany(d => d.Files).ToHashSet(StringComparer.Ordinal);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in pristine.SubmitPaths)
        {
            if (!ownFiles.Contains(path)) files[path] = Path.Combine(pristine.Solution, path);
            else if (studentFiles.TryGetValue(path, out string? student)) files[path] = student;
        }
        string library = Path.Combine(workspace, "library-upstream");
        Directory.CreateDirectory(library);
        var build = await pristine.Compiler.CompileAsync(files, sources, Path.Combine(library, "ConvSpec.dll"), Path.Combine(workspace, "csc-upstream.rsp"),
            sandbox, GradeOptions.CompileTimeout, pristine.Solution, cancel).ConfigureAwait(false);
        if (!build.Succeeded)
        {
            var errors = Dotnet.ErrorLines(build.Run.Output, sources);
            string error = errors.Count > 0 ? errors[0] : build.Describe();
            return NotNeeded with
            {
                FallbackNote = $"Your {Names(ownFiles)} did not compile with the reference solution's {Names(upstream)} ({error}), so the "
                    + $"{string.Join(" and ", dependent.Select(d => d.Exercise))} specs ran with all your own files: a mistake in your {Names(upstream)} "
                    + "can cost points there too.",
            };
        }

        string host = Path.Combine(workspace, "host-upstream");
        FileTree.LinkCopy(pristine.HostOutput, host);
        foreach (string file in new[] { "ConvSpec.dll", "ConvSpec.pdb" })
        {
            if (File.Exists(Path.Combine(library, file))) FileTree.Replace(Path.Combine(library, file), Path.Combine(host, file));
        }
        string hostAssembly = Path.Combine(host, GradingLayout.ExerciseHostAssembly);
        return new UpstreamBuild(new ExerciseRoutes(dependent.ToDictionary(d => d.Exercise, _ => hostAssembly, StringComparer.Ordinal)), dependent, null);
    }

    /// <summary>What the student reads: which exercises used the reference answers upstream, where their own upstream code lost points.</summary>
    public IEnumerable<string> Notes(IReadOnlyList<SpecVerdict> verdicts)
    {
        if (FallbackNote is not null) yield return FallbackNote;
        foreach (var part in Parts)
        {
            var lost = part.BuildsOn
                .Select(e => (Part: ExerciseParts.All.Single(p => p.Exercise == e), Lost: verdicts.Where(v => v.Spec.Exercise == e && !v.Passed).Sum(v => v.Spec.Points),
                    Of: verdicts.Where(v => v.Spec.Exercise == e).Sum(v => v.Spec.Points)))
                .Where(u => u.Lost > 0)
                .ToList();
            if (lost.Count == 0) continue;
            yield return $"The {part.Exercise} specs used your {Names(part.Files)} with the reference solution's {Names(lost.SelectMany(u => u.Part.Files))}, "
                + "so that a mistake there is counted once: "
                + string.Join("; ", lost.Select(u => $"your {Names(u.Part.Files)} lost {u.Lost} of {u.Of} points in {u.Part.Exercise}")) + ".";
        }
    }

    private static bool SameAsSolution(string path, IReadOnlyDictionary<string, string> studentFiles, string solution) =>
        studentFiles.TryGetValue(path, out string? student) && File.ReadAllBytes(student).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(solution, path)));

    private static string Names(IEnumerable<string> paths)
    {
        var names = paths.Select(Path.GetFileName).ToList();
        return names.Count < 2 ? string.Concat(names) : string.Join(", ", names.SkipLast(1)) + " and " + names[^1];
    }
}
