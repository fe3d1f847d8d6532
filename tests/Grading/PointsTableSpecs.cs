using System.Reflection;
using System.Text.RegularExpressions;

namespace ConvSpec.Tests.Grading;

public partial class PointsTableSpecs
{
    [GeneratedRegex(@"^\|\s*(?<exercise>[a-z]+)\s*\|\s*(?<points>\d+)\s*\|\s*(?<specs>\d+)\s*\|\s*$")]
    private static partial Regex Row();

    [GeneratedRegex(@"^\|\s*\*\*total\*\*\s*\|\s*\*\*(?<points>\d+)\*\*\s*\|")]
    private static partial Regex TotalRow();

    [Fact]
    [Specifies("Rule: docs/grading.md's points table matches the [Graded] attributes")]
    public void The_points_table_adds_up_to_the_graded_attributes()
    {
        var fromAttributes = GradedMethods()
            .GroupBy(g => g.Exercise)
            .ToDictionary(g => g.Key, g => (Points: g.Sum(x => x.Points), Specs: g.Count()));
        string[] doc = File.ReadAllLines(Path.Combine(SuitePaths.Root, "docs/grading.md"));
        var fromDoc = doc.Select(line => Row().Match(line)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["exercise"].Value, m => (Points: int.Parse(m.Groups["points"].Value), Specs: int.Parse(m.Groups["specs"].Value)));
        int docTotal = doc.Select(line => TotalRow().Match(line)).Where(m => m.Success).Select(m => int.Parse(m.Groups["points"].Value)).Single();

        fromAttributes.Should().NotBeEmpty("tests/Graded has graded specs");
        fromDoc.Should().BeEquivalentTo(fromAttributes, "each exercise's row in docs/grading.md gives the sum of its [Graded] points and the number of its specs");
        docTotal.Should().Be(fromAttributes.Values.Sum(v => v.Points), "the total row is the sum of all graded points");
    }

    internal static IEnumerable<(string Exercise, int Points)> GradedMethods()
    {
        var assembly = Assembly.LoadFrom(SuitePaths.GradedAssembly);
        foreach (var type in assembly.GetTypes())
        {
            var onClass = Graded(type.GetCustomAttributesData());
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                bool isTest = method.GetCustomAttributesData().Any(a => a.AttributeType.Name is "FactAttribute" or "TheoryAttribute");
                if (isTest && (Graded(method.GetCustomAttributesData()) ?? onClass) is { } graded) yield return graded;
            }
        }
    }

    private static (string Exercise, int Points)? Graded(IEnumerable<CustomAttributeData> attributes) =>
        attributes.Where(a => a.AttributeType.Name == "GradedAttribute")
            .Select(a => ((string)a.ConstructorArguments[0].Value!, (int)a.ConstructorArguments[1].Value!))
            .Cast<(string, int)?>()
            .FirstOrDefault();
}
