using System.Globalization;
using System.Xml.Linq;

namespace ConvSpec.Cli.Check;

/// <summary>
/// Reads the graded specs' results from an xUnit v3 XML report (-xml): each test with its traits Exercise and
/// Points (from [Graded]), grouped by spec method, since a theory's cases earn its points together.
/// </summary>
internal static class XunitReport
{
    public static IReadOnlyList<GradedResult> Read(string path)
    {
        var cases = XDocument.Load(path).Descendants("test").Select(test => new
        {
            Spec = $"{(string?)test.Attribute("type")}.{(string?)test.Attribute("method")}",
            Traits = test.Element("traits")?.Elements("trait").ToLookup(t => (string?)t.Attribute("name") ?? "", t => (string?)t.Attribute("value") ?? ""),
            Passed = (string?)test.Attribute("result") == "Pass",
            Message = (string?)test.Element("failure")?.Element("message"),
        }).Where(c => c.Traits is not null && c.Traits["Exercise"].Any() && c.Traits["Points"].Any()).ToList();

        return cases.GroupBy(c => c.Spec).Select(g =>
        {
            var first = g.First();
            string? failure = g.Where(c => !c.Passed).Select(c => c.Message ?? "failed").FirstOrDefault();
            return new GradedResult(g.Key, first.Traits!["Exercise"].First(), int.Parse(first.Traits["Points"].First(), CultureInfo.InvariantCulture),
                g.All(c => c.Passed), failure);
        }).ToList();
    }
}
