using System.Reflection;
using System.Text.RegularExpressions;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>Where a test named in the document lives: this project, another test project, or work still to come.</summary>
public enum NameScope
{
    ThisProject,
    OtherProject,
    Pending,
}

public sealed record TestName(string Section, string ClassName, string MethodName, NameScope Scope, string Text);

/// <summary>
/// Reads docs/derivations.md: sections are headings "### Equation N", "### Erratum EN" and "### Rule: text",
/// keyed like the [Specifies] attribute ("Eq. N", "Erratum EN", "Rule: text"); tests are backticked names
/// `Class.Method`, optionally prefixed "tests/Project: " or "pending: ".
/// </summary>
public static partial class DerivationsDocument
{
    [GeneratedRegex(@"^#{1,3}\s")]
    private static partial Regex AnyHeading();

    [GeneratedRegex(@"^###\s+(?:Equation\s+(?<eq>\d+)\b|Erratum\s+(?<err>E\d+)\b|(?<rule>Rule:\s*.+?)\s*$)")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"`(?:(?<where>tests/\w+|pending):\s*)?(?<cls>[A-Z]\w*Specs)\.(?<method>\w+)`")]
    private static partial Regex NameInBackticks();

    public static IReadOnlyList<TestName> Parse(string markdown)
    {
        var names = new List<TestName>();
        string? section = null;
        foreach (string line in markdown.Split('\n'))
        {
            Match heading = SectionHeading().Match(line);
            if (heading.Success)
            {
                section = heading.Groups["eq"].Success ? $"Eq. {heading.Groups["eq"].Value}"
                    : heading.Groups["err"].Success ? $"Erratum {heading.Groups["err"].Value}"
                    : heading.Groups["rule"].Value;
                continue;
            }
            if (AnyHeading().IsMatch(line)) section = null;

            foreach (Match m in NameInBackticks().Matches(line))
            {
                string where = m.Groups["where"].Value;
                NameScope scope = where switch
                {
                    "" or "tests/Unit" => NameScope.ThisProject,
                    "pending" => NameScope.Pending,
                    _ => NameScope.OtherProject,
                };
                names.Add(new TestName(section ?? "(outside any section)", m.Groups["cls"].Value, m.Groups["method"].Value, scope, m.Value));
            }
        }
        return names;
    }

    /// <summary>
    /// Test methods of an assembly by "Class.Method" (class without namespace), with their [Specifies]
    /// references: the method's own and its class's, since a class-level attribute is a trait of every test in it.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> TestsOf(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsClass && t.IsPublic)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(IsTest)
                .Select(m => (Name: $"{t.Name}.{m.Name}", Specifies: (IReadOnlyList<string>)m.GetCustomAttributes<SpecifiesAttribute>()
                    .Concat(t.GetCustomAttributes<SpecifiesAttribute>()).Select(a => a.Reference).Distinct().ToList())))
            .ToDictionary(x => x.Name, x => x.Specifies);

    private static bool IsTest(MethodInfo method) =>
        method.GetCustomAttributes().Any(a => a is FactAttribute || a.GetType().Name is "PropertyAttribute");

    /// <summary>Every problem with the document against the tests; empty when they agree.</summary>
    public static IReadOnlyList<string> Problems(string markdown, IReadOnlyDictionary<string, IReadOnlyList<string>> tests)
    {
        var problems = new List<string>();
        IReadOnlyList<TestName> names = Parse(markdown);
        var classes = tests.Keys.Select(k => k[..k.IndexOf('.', StringComparison.Ordinal)]).ToHashSet();

        foreach (TestName name in names)
        {
            string key = $"{name.ClassName}.{name.MethodName}";
            bool classHere = classes.Contains(name.ClassName);
            if (name.Scope == NameScope.ThisProject && !tests.ContainsKey(key))
                problems.Add($"{name.Section}: {name.Text} is not a test in this project.");
            else if (name.Scope != NameScope.ThisProject && classHere && !tests.ContainsKey(key))
                problems.Add($"{name.Section}: {name.Text} is marked as living elsewhere, but class {name.ClassName} is in this project and has no test {name.MethodName}.");
        }

        var listed = names.Select(n => (n.Section, Key: $"{n.ClassName}.{n.MethodName}")).ToHashSet();
        foreach (var (test, references) in tests)
        {
            foreach (string reference in references)
            {
                if (!listed.Contains((reference, test)))
                    problems.Add($"{test} specifies \"{reference}\" but is not listed under that section of the document.");
            }
        }
        return problems;
    }

    public static string ReadFromRepository() => File.ReadAllText(RepositoryFiles.PathOf(Path.Combine("docs", "derivations.md")));
}
