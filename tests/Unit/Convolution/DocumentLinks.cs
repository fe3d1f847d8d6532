using System.Text;
using System.Text.RegularExpressions;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>
/// Checks what a markdown document points at, for real: relative links and repository paths must exist, #anchors
/// must be headings of the document, and a test named in another test project must be a method of a class in that
/// project's sources. Also cuts the solution regions out the way the starter does.
/// </summary>
public static partial class DocumentLinks
{
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<![\w/.-])(?<path>(?:docs|src|tests|assets|scripts|benchmarks|build)/[\w./-]*[\w/])")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"`(?<where>tests/\w+):\s*(?<cls>[A-Z]\w*Specs)\.(?<method>\w+)`")]
    private static partial Regex ForeignTest();

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.</summary>
    public static string Anchor(string heading)
    {
        var anchor = new StringBuilder();
        foreach (char c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_') anchor.Append(c);
            else if (c == ' ') anchor.Append('-');
        }
        return anchor.ToString();
    }

    public static IReadOnlyList<string> Problems(string markdown, string documentDirectory, string repositoryRoot)
    {
        var problems = new List<string>();
        var anchors = Heading().Matches(markdown).Select(m => Anchor(m.Groups["text"].Value)).ToHashSet();

        foreach (Match link in MarkdownLink().Matches(markdown))
        {
            string target = link.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal)) continue;
            int hash = target.IndexOf('#', StringComparison.Ordinal);
            string file = hash < 0 ? target : target[..hash], fragment = hash < 0 ? "" : target[(hash + 1)..];
            if (file.Length > 0 && !File.Exists(Path.Combine(documentDirectory, file)) && !Directory.Exists(Path.Combine(documentDirectory, file)))
                problems.Add($"link ({target}): no file {file} beside the document.");
            if (file.Length == 0 && fragment.Length > 0 && !anchors.Contains(fragment))
                problems.Add($"link ({target}): no heading with the anchor #{fragment}.");
        }

        foreach (string path in RepositoryPath().Matches(markdown).Select(m => m.Groups["path"].Value.TrimEnd('.', '/')).Distinct())
        {
            string full = Path.Combine(repositoryRoot, path);
            if (!File.Exists(full) && !Directory.Exists(full))
                problems.Add($"path {path}: no such file or folder in the repository.");
        }

        foreach (Match name in ForeignTest().Matches(markdown))
        {
            string folder = Path.Combine(repositoryRoot, name.Groups["where"].Value);
            string cls = name.Groups["cls"].Value, method = name.Groups["method"].Value;
            bool found = Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Select(File.ReadAllText)
                .Any(text => Regex.IsMatch(text, $@"\bclass\s+{cls}\b") && Regex.IsMatch(text, $@"\b(?:void|Task)\s+{method}\s*\("));
            if (!found)
                problems.Add($"{name.Value}: no class {cls} with a method {method} under {name.Groups["where"].Value}.");
        }
        return problems;
    }

    /// <summary>The marker lines of a solution region in a markdown file (docs/grading.md describes the C# twin).</summary>
    public const string Begin = "<!-- #!HWBEGIN -->", End = "<!-- #!HWEND -->", MessagePrefix = "<!-- #!MSG ";

    public sealed record Region(int FirstLine, IReadOnlyList<string> Messages, IReadOnlyList<string> Body);

    /// <summary>Every region, in order; throws when a region nests, is left open, or lacks a task statement.</summary>
    public static IReadOnlyList<Region> Regions(string markdown)
    {
        var regions = new List<Region>();
        string[] lines = markdown.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line == End) throw new FormatException($"line {n + 1}: HWEND without HWBEGIN.");
            if (line != Begin) continue;
            int first = n;
            var messages = new List<string>();
            var body = new List<string>();
            for (n++; n < lines.Length && lines[n].Trim().StartsWith(MessagePrefix, StringComparison.Ordinal); n++)
                messages.Add(lines[n].Trim()[MessagePrefix.Length..^"-->".Length].Trim());
            for (; n < lines.Length && lines[n].Trim() != End; n++)
            {
                if (lines[n].Trim() == Begin) throw new FormatException($"line {n + 1}: a region inside the region of line {first + 1}.");
                body.Add(lines[n]);
            }
            if (n == lines.Length) throw new FormatException($"line {first + 1}: HWBEGIN never closed.");
            if (messages.Count == 0) throw new FormatException($"line {first + 1}: the region has no MSG line, so the starter would show nothing.");
            regions.Add(new Region(first + 1, messages, body));
        }
        return regions;
    }

    /// <summary>The starter's copy: each region, markers included, replaced by its task statement.</summary>
    public static string Cut(string markdown)
    {
        var output = new List<string>();
        string[] lines = markdown.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            if (lines[n].Trim() != Begin)
            {
                output.Add(lines[n]);
                continue;
            }
            var messages = new List<string>();
            for (n++; lines[n].Trim() != End; n++)
            {
                if (lines[n].Trim().StartsWith(MessagePrefix, StringComparison.Ordinal))
                    messages.Add(lines[n].Trim()[MessagePrefix.Length..^"-->".Length].Trim());
            }
            output.Add(string.Join(" ", messages));
        }
        return string.Join('\n', output);
    }
}
