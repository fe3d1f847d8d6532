using System.Text.RegularExpressions;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Grading.Assign.Readme;

/// <summary>One graded spec as its source declares it: [Graded(exercise, points)] and the [Specifies] it carries.</summary>
public sealed record GradedSpecDeclaration(string Exercise, int Points, IReadOnlyList<string> Specifies, bool Hidden);

/// <summary>
/// Reads the graded specs' attributes from the suite's source (tests/Graded), without building it, so `assign`
/// writes the student README from the same [Graded] attributes that grading counts. Each test method's attribute
/// block is the run of lines starting with '[' just above its declaration.
/// </summary>
public static partial class GradedSpecSource
{
    [GeneratedRegex(@"^\[Graded\(""(?<exercise>[^""]+)"",\s*(?<points>\d+)\)\]$")]
    private static partial Regex GradedAttribute();

    [GeneratedRegex(@"^\[Specifies\(""(?<reference>[^""]+)""\)\]$")]
    private static partial Regex SpecifiesAttribute();

    public static IReadOnlyList<GradedSpecDeclaration> Read(string suiteRoot)
    {
        var specs = new List<GradedSpecDeclaration>();
        string folder = Path.GetDirectoryName(GradingLayout.GradedProject)!.Replace('\\', '/') + "/";
        foreach (string path in SuiteFiles.List(suiteRoot).Where(p => p.StartsWith(folder, StringComparison.Ordinal) && p.EndsWith(".cs", StringComparison.Ordinal)))
        {
            bool hidden = path.StartsWith(GradingLayout.HiddenFolder, StringComparison.Ordinal);
            (string Exercise, int Points)? graded = null;
            var specifies = new List<string>();
            foreach (string raw in File.ReadLines(Path.Combine(suiteRoot, path)))
            {
                string line = raw.Trim();
                if (GradedAttribute().Match(line) is { Success: true } g)
                {
                    graded = (g.Groups["exercise"].Value, int.Parse(g.Groups["points"].Value, System.Globalization.CultureInfo.InvariantCulture));
                }
                else if (SpecifiesAttribute().Match(line) is { Success: true } s)
                {
                    specifies.Add(s.Groups["reference"].Value);
                }
                else if (!line.StartsWith('['))
                {
                    if (graded is { } spec) specs.Add(new GradedSpecDeclaration(spec.Exercise, spec.Points, specifies, hidden));
                    graded = null;
                    specifies = [];
                }
            }
        }
        return specs;
    }
}
