using System.Globalization;
using System.Xml.Linq;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Grading.Grade.Results;

/// <summary>
/// The graded specs, read from the xUnit XML report of the pristine suite's run (the reference solution):
/// that run is trusted, carries every test's traits, and must pass completely before anyone is graded.
/// </summary>
public static class SpecManifest
{
    public static IReadOnlyList<GradedSpec> FromXunitXml(string xmlPath)
    {
        var document = XDocument.Load(xmlPath);
        var specs = new SortedDictionary<string, GradedSpec>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var test in document.Descendants("test"))
        {
            string method = $"{test.Attribute("type")?.Value}.{test.Attribute("method")?.Value}";
            var traits = test.Element("traits")?.Elements("trait")
                .GroupBy(t => (string?)t.Attribute("name") ?? "")
                .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(t => (string?)t.Attribute("value") ?? "").Distinct()))
                ?? [];
            if ((string?)test.Attribute("result") != "Pass")
                problems.Add($"{method} does not pass on the reference solution");
            if (!traits.TryGetValue("Exercise", out string? exercise) || !traits.TryGetValue("Points", out string? points))
            {
                problems.Add($"{method} has no [Graded(exercise, points)]");
                continue;
            }
            specs[method] = new GradedSpec(method, exercise, int.Parse(points, CultureInfo.InvariantCulture),
                traits.GetValueOrDefault("Specifies", "(no [Specifies])"),
                method.StartsWith(GradingLayout.HiddenNamespace, StringComparison.Ordinal));
        }
        if (problems.Count > 0)
            throw new InvalidOperationException("the pristine suite cannot grade:\n  " + string.Join("\n  ", problems.Distinct()));
        if (specs.Count == 0)
            throw new InvalidOperationException("the pristine suite's run reported no graded specs.");
        return specs.Values.ToList();
    }
}
