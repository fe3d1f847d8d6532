using ConvSpec.Grading.Assign.Markers;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Tests.Grading;

/// <summary>
/// The starter holds no answer in any form: no line of a solution region (C# or Markdown), and no line of a file
/// that answers an exercise and stays with the instructor (the hidden specs and the answers they compare with, the
/// peer scripts with the notebook's CNN and training loop), appears in any file of a generated starter.
/// </summary>
public class StarterHoldsNoAnswerSpecs(AssignedCopy starter) : IClassFixture<AssignedCopy>
{
    /// <summary>
    /// Instructor-only files that answer an exercise, by folder or path, named here apart from
    /// <see cref="GradingLayout.InstructorOnlyPaths"/> so that a path dropped from that list lets this spec fail.
    /// </summary>
    private static readonly string[] AnswerFiles =
    [
        GradingLayout.HiddenFolder, "benchmarks/peer/", "src/ConvSpec/Convolution/Fast/", "src/ConvSpec/Convolution/ConvolutionMatrix.cs",
        "tests/Unit/Training/TrainStepSpecs.cs",
    ];

    /// <summary>
    /// Lines that say nothing about an answer however long: imports, namespaces, attributes, doc-comment tags, loop
    /// headers (the body is the answer, and `for (int k = 0; k &lt; kernel.GetLength(0); k++)` is every loop over a
    /// kernel), and the peer's thread setting.
    /// </summary>
    private static readonly string[] Boilerplate =
        ["using ", "namespace ", "import ", "from ", "#!", "[", "/// <summary>", "/// </summary>", "for (", "foreach (", "torch.set_num_threads("];

    [Fact]
    [Specifies("Rule: the starter holds no answer")]
    public void No_line_of_a_solution_or_an_answer_file_reaches_the_starter()
    {
        var answers = AnswerLines().ToList();
        var texts = starter.Files.Where(IsText).Select(path => (path, text: starter.Read(path))).ToList();

        answers.Should().HaveCountGreaterThan(100, "the regions, the hidden specs and the peer scripts hold many lines worth checking");
        answers.SelectMany(a => texts.Where(t => t.text.Contains(a.Line, StringComparison.Ordinal)).Select(t => $"{a.Source} → {t.path}: {a.Line}"))
            .Should().BeEmpty("a starter that holds a line of the solution gives that part of the answer away");
    }

    [Fact]
    [Specifies("Rule: the starter holds no answer")]
    public void The_starter_holds_no_grading_code_and_the_library_no_grading_folder()
    {
        starter.Files.Where(GradingLayout.IsInstructorOnly).Should().BeEmpty("the instructor's parts stay with the instructor");
        starter.Files.Where(p => p.EndsWith(".cs", StringComparison.Ordinal) && starter.Read(p).Contains("namespace ConvSpec.Grading", StringComparison.Ordinal))
            .Should().BeEmpty("no grader code reaches the starter");
        Directory.Exists(Path.Combine(SuitePaths.Root, "src/ConvSpec/Grading")).Should().BeFalse("the grader is a project of its own, src/ConvSpec.Grading");
    }

    /// <summary>
    /// The lines outside every solution region of the suite's files that go to the starter (an answer file never counts
    /// here, listed or not): what the starter gives a student by design, such as an exercise's signature and argument
    /// checks, or a spec's `public void Dispose() => _scope.Dispose();`.
    /// </summary>
    private static readonly Lazy<HashSet<string>> Scaffolding = new(() =>
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in SuiteFiles.List(SuitePaths.Root).Where(p => !GradingLayout.IsInstructorOnly(p) && !IsAnswerFile(p) && StarterText.MayHoldRegions(p)))
        {
            string[] text = File.ReadAllText(Path.Combine(SuitePaths.Root, path)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var regions = StarterText.Regions(path, text);
            for (int n = 1; n <= text.Length; n++)
            {
                if (!regions.Any(r => n >= r.BeginLine && n <= r.EndLine)) lines.Add(text[n - 1].Trim());
            }
        }
        return lines;
    });

    private static IEnumerable<(string Source, string Line)> AnswerLines()
    {
        foreach (string path in SuiteFiles.List(SuitePaths.Root))
        {
            string text = File.ReadAllText(Path.Combine(SuitePaths.Root, path));
            if (IsAnswerFile(path))
            {
                // A whole answer file shares its signatures and argument checks with the starter's scaffolding,
                // which the starter keeps by design; every other line of it counts.
                foreach (string line in text.Split('\n').Select(l => l.Trim()).Where(l => IsNonTrivial(l) && !Scaffolding.Value.Contains(l)))
                    yield return (path, line);
            }
            else if (!GradingLayout.IsInstructorOnly(path) && StarterText.MayHoldRegions(path))
            {
                string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
                foreach (var region in StarterText.Regions(path, lines))
                {
                    for (int n = region.BeginLine + 1 + region.Messages.Count; n < region.EndLine; n++)
                    {
                        string line = lines[n - 1].Trim();
                        if (IsNonTrivial(line)) yield return ($"{path}:{n}", line);
                    }
                }
            }
        }
    }

    /// <summary>At least 20 characters that are not blank, not boilerplate, and not the bare opening of a call ("return nn.Sequential(").</summary>
    private static bool IsNonTrivial(string line) =>
        line.Count(c => !char.IsWhiteSpace(c)) >= 20 && !line.EndsWith('(') && !Boilerplate.Any(b => line.StartsWith(b, StringComparison.Ordinal));

    private static bool IsAnswerFile(string path) => AnswerFiles.Any(a => path.StartsWith(a, StringComparison.Ordinal));

    private static bool IsText(string path) => !path.EndsWith(".png", StringComparison.Ordinal);
}
