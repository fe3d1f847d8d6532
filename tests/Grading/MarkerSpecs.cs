using ConvSpec.Grading.Assign.Markers;

namespace ConvSpec.Tests.Grading;

public class MarkerSpecs
{
    private static readonly string Begin = "        " + MarkerSyntax.Begin;
    private static readonly string End = "        " + MarkerSyntax.End;

    private static string Method(params string[] body) =>
        string.Join("\n", ["class C", "{", "    int M()", "    {", .. body, "    }", "}", ""]);

    [Fact]
    [Specifies("Rule: a marked region becomes a NotImplementedException with its messages")]
    public void A_region_becomes_a_throw_that_carries_its_messages()
    {
        string text = Method("        int a = 1;", Begin, "        " + MarkerSyntax.Message + " TODO: add \"one\".", "        " + MarkerSyntax.Message + " Hint: a + 1.",
            "        int b = a + 1;", "        return b;", End);

        string starter = StarterText.Make("C.cs", text)!;

        starter.Should().Be(Method("        int a = 1;", "        throw new NotImplementedException(\"TODO: add \\\"one\\\". Hint: a + 1.\");"),
            "the code before the region stays, the region's lines and markers give way to one throw statement");
    }

    [Fact]
    [Specifies("Rule: a file without markers is copied as it is")]
    public void A_file_without_regions_has_no_starter_version()
    {
        StarterText.Make("C.cs", Method("        return 1;")).Should().BeNull("only files with regions go into SUBMIT.txt");
    }

    [Theory]
    [Specifies("Rule: markers are checked and errors name the file and line")]
    [InlineData("nested", 6, "do not nest")]
    [InlineData("unclosed", 5, "never closed")]
    [InlineData("stray end", 6, "without an open")]
    [InlineData("code after", 8, "code follows the region")]
    [InlineData("late message", 7, "must follow")]
    [InlineData("half a block", 8, "leaves 1 block(s) open")]
    public void Malformed_markers_are_rejected_with_file_and_line(string problem, int line, string message)
    {
        string[] body = problem switch
        {
            "nested" => [Begin, Begin, "        return 1;", End, End],
            "unclosed" => [Begin, "        return 1;"],
            "stray end" => ["        return 1;", End],
            "code after" => [Begin, "        int a = 1;", End, "        return a;"],
            "late message" => [Begin, "        int a = 1;", "        " + MarkerSyntax.Message + " too late", "        return a;", End],
            "half a block" => [Begin, "        if (true)", "        {", End, "        }", "        return 1;"],
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var act = () => StarterText.Make("Exercise.cs", Method(body));

        act.Should().Throw<MarkerException>()
            .Where(e => e.File == "Exercise.cs" && e.Line == line && e.Message.Contains(message), $"a {problem} region is reported at Exercise.cs:{line}");
    }

    private static string Document(params string[] body) =>
        string.Join("\n", ["# Equation 3", "", "The gradient with respect to the kernel:", "", .. body, "", "Pinned by: `Spec`.", ""]);

    private static readonly string[] Derivation = ["Apply the chain rule to every y_ij that k_kl touches,", "and the sum runs over the whole output."];

    [Fact]
    [Specifies("Rule: a marked Markdown region becomes its task statement")]
    public void A_markdown_region_becomes_its_messages_as_the_exercise()
    {
        string text = Document([MarkdownMarkerSyntax.Begin, "<!-- #!MSG Derive ∂L/∂K from equation 1. -->", "<!-- #!MSG Then compare with equation 4. -->",
            .. Derivation, MarkdownMarkerSyntax.End]);

        string starter = StarterText.Make("docs/derivations.md", text)!;

        starter.Should().Be(Document("> **Exercise:** Derive ∂L/∂K from equation 1.", "> **Exercise:** Then compare with equation 4."),
            "the text around the region stays, the derivation and its markers give way to the task, one blockquote line per message");
        foreach (string line in Derivation) starter.Should().NotContain(line, "the solution's lines are cut");
    }

    [Fact]
    [Specifies("Rule: a file without markers is copied as it is")]
    public void A_markdown_file_without_regions_has_no_starter_version()
    {
        StarterText.Make("docs/notes.md", Document(Derivation)).Should().BeNull("a document without markers is copied unchanged");
    }

    [Fact]
    [Specifies("Rule: markers are checked and errors name the file and line")]
    public void Csharp_markers_in_markdown_and_markdown_markers_elsewhere_are_plain_text()
    {
        StarterText.Make("docs/notes.md", Document(MarkerSyntax.Begin, "text", MarkerSyntax.End)).Should().BeNull("a C# marker in prose is quoted, not a region");
        StarterText.Make("notes.txt", Document(MarkdownMarkerSyntax.Begin, "<!-- #!MSG m -->", "text", MarkdownMarkerSyntax.End))
            .Should().BeNull("only C# and Markdown files hold regions");
    }

    [Theory]
    [Specifies("Rule: markers are checked and errors name the file and line")]
    [InlineData("nested", 7, "do not nest")]
    [InlineData("unclosed", 5, "never closed")]
    [InlineData("stray end", 6, "without an open")]
    [InlineData("late message", 8, "must follow")]
    [InlineData("no message", 5, "has no")]
    [InlineData("unknown marker", 6, "unknown marker")]
    public void Malformed_markdown_markers_are_rejected_with_file_and_line(string problem, int line, string message)
    {
        const string Message = "<!-- #!MSG Derive it. -->";
        string[] body = problem switch
        {
            "nested" => [MarkdownMarkerSyntax.Begin, Message, MarkdownMarkerSyntax.Begin, Message, "text", MarkdownMarkerSyntax.End, MarkdownMarkerSyntax.End],
            "unclosed" => [MarkdownMarkerSyntax.Begin, Message, "text"],
            "stray end" => ["text", MarkdownMarkerSyntax.End],
            "late message" => [MarkdownMarkerSyntax.Begin, Message, "text", Message, MarkdownMarkerSyntax.End],
            "no message" => [MarkdownMarkerSyntax.Begin, "text", MarkdownMarkerSyntax.End],
            "unknown marker" => [MarkdownMarkerSyntax.Begin, "<!-- #!HWEDN -->"],
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var act = () => StarterText.Make("docs/derivations.md", Document(body));

        act.Should().Throw<MarkerException>()
            .Where(e => e.File == "docs/derivations.md" && e.Line == line && e.Message.Contains(message), $"a {problem} region is reported at docs/derivations.md:{line}");
    }
}
