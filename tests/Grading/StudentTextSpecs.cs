using System.Text.Json;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Reports;

namespace ConvSpec.Tests.Grading;

public class StudentTextSpecs
{
    [Theory]
    [Specifies("Rule: student text in a report is cleaned, cut and inert")]
    [InlineData("a\u001b[31mb", "a\\u001b[31mb")]
    [InlineData("bell\u0007 nul\u0000 del\u007f c1\u0085", "bell\\u0007 nul\\u0000 del\\u007f c1\\u0085")]
    [InlineData("two\nlines\tand a tab", "two\nlines\tand a tab")]
    [InlineData("windows\r\nline", "windows\nline")]
    [InlineData("pair \ud83d\ude00", "pair \ud83d\ude00")]
    [InlineData("right\u202eto left", "right\\u202eto left")]
    public void Clean_writes_out_control_characters_and_replaces_invalid_unicode(string text, string expected)
    {
        StudentText.Clean(text).Should().Be(expected);
        StudentText.Clean(StudentText.Clean(text)).Should().Be(expected, "cleaning twice changes nothing");
    }

    [Fact]
    [Specifies("Rule: student text in a report is cleaned, cut and inert")]
    public void Clean_replaces_lone_surrogates()
    {
        // Built here: a lone surrogate would not survive the test framework's serialization of [InlineData].
        string lone = "lone " + (char)0xD800 + " and " + (char)0xDC00 + " end " + (char)0xD83D;

        StudentText.Clean(lone).Should().Be("lone \uFFFD and \uFFFD end \uFFFD");
        StudentText.Clean("pair " + (char)0xD83D + (char)0xDE00 + "x", 6).Should().Be("pair  … (3 more characters cut)", "a cut never splits a pair");
    }

    [Fact]
    [Specifies("Rule: student text in a report is cleaned, cut and inert")]
    public void Clean_cuts_long_text_and_says_how_much()
    {
        string cut = StudentText.Clean(new string('x', 10_000), 100);

        cut.Should().Be(new string('x', 100) + " … (9900 more characters cut)");
        StudentText.Clean(new string('\u0007', 100), 100).Should().StartWith("\\u0007").And.EndWith("(500 more characters cut)",
            "escapes lengthen the text, and the cut holds the result to the limit");
    }

    [Theory]
    [Specifies("Rule: student text in a report is cleaned, cut and inert")]
    [InlineData("""{"m":"a\u001bb"}""", "a\\u001bb")]
    [InlineData("""{"m":"a\u001Bb\r"}""", "a\\u001bb\\r")]
    [InlineData("""{"m":"lone \ud800 x"}""", "lone \uFFFD x")]
    [InlineData("""{"m":"pair \ud83d\ude00"}""", "pair \ud83d\ude00")]
    [InlineData("""{"m":"kept \\u001b \" \n"}""", "kept \\u001b \" \n")]
    public void CleanJson_makes_every_string_of_an_answer_clean(string line, string expected)
    {
        using var json = JsonDocument.Parse(StudentText.CleanJson(line));

        json.RootElement.GetProperty("m").GetString().Should().Be(expected);
    }

    [Theory]
    [Specifies("Rule: student text in a report is cleaned, cut and inert")]
    [InlineData("plain", "```")]
    [InlineData("```\n# Score 35/35", "````")]
    [InlineData("a ````` run", "``````")]
    public void Fenced_text_uses_a_fence_longer_than_any_run_of_backticks_in_it(string text, string fence)
    {
        string block = Feedback.Fenced(text);

        block.Should().StartWith(fence + "text\n").And.EndWith("\n" + fence + "\n");
        block.Split('\n')[1..^2].Should().NotContain(line => line.TrimStart().StartsWith(fence, StringComparison.Ordinal), "no line inside can close it");
    }

    [Theory]
    [Specifies("Rule: grades.csv cells are text, never formulas")]
    [InlineData("alice", "alice")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    public void A_csv_cell_is_quoted_and_never_starts_a_formula(string value, string cell) =>
        GradesCsv.Cell(value).Should().Be(cell);
}
