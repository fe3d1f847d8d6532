using System.Text.RegularExpressions;
using ConvSpec.Reporting;

namespace ConvSpec.Tests.Unit.Reporting;

/// <summary>The copy of docs/derivations.md that the report links into.</summary>
public sealed partial class DerivationsPageSpecs
{
    private static string Document => File.ReadAllText(RepositoryFiles.PathOf("docs/derivations.md"));

    [GeneratedRegex(@"^### (Equation (\d+)|Erratum E(\d+)):", RegexOptions.Multiline)]
    private static partial Regex NumberedHeading();

    [Fact]
    [Specifies("Rule: the lab report's numbers and links")]
    public void Every_equation_and_erratum_of_the_document_gets_the_anchor_the_report_links_to()
    {
        string page = DerivationsPage.Render(Document, "index.html");
        var headings = NumberedHeading().Matches(Document).ToList();

        headings.Should().HaveCountGreaterThan(20, "the document numbers 14 equations and 9 errata");
        foreach (Match heading in headings)
        {
            Link link = heading.Groups[2].Success ? DerivationsPage.Equation(int.Parse(heading.Groups[2].Value)) : DerivationsPage.Erratum(int.Parse(heading.Groups[3].Value));
            string anchor = link.Href[(link.Href.IndexOf('#') + 1)..];
            page.Should().Contain($"<h3 id=\"{anchor}\">{heading.Groups[1].Value}:", $"{link.Href} must land on \"{heading.Groups[1].Value}\"");
        }
    }

    [Fact]
    [Specifies("Rule: the lab report's numbers and links")]
    public void Markdown_text_is_escaped_and_code_kept_verbatim()
    {
        string page = DerivationsPage.Render("# T\n\nx < y & `a<b` **bold**\n\n    if (a < b) return;\n\n| h | i |\n|---|---|\n| 1 | 2 |\n", "index.html");

        page.Should().Contain("<p>x &lt; y &amp; <code>a&lt;b</code> <strong>bold</strong></p>")
            .And.Contain("<pre>if (a &lt; b) return;</pre>")
            .And.Contain("<tr><th>h</th><th>i</th></tr><tr><td>1</td><td>2</td></tr>")
            .And.NotContain("<b>");
    }
}
