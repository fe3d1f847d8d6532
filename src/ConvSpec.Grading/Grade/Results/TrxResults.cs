using System.Xml;
using System.Xml.Linq;

namespace ConvSpec.Grading.Grade.Results;

/// <summary>
/// A test method's result in one run: passed when every case of it passed; otherwise the first failed case's
/// message (the first difference a student should look at) and how many cases failed.
/// </summary>
public sealed record MethodResult(string Method, bool Passed, string Message, int FailedCases = 0);

/// <summary>Reads a TRX report (the test run's own) into one result per test method.</summary>
public static class TrxResults
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>The results by method, or null when the file is missing, too large or not a TRX report.</summary>
    public static IReadOnlyDictionary<string, MethodResult>? Read(string trxPath, long maxBytes = 16L * 1024 * 1024)
    {
        var file = new FileInfo(trxPath);
        if (!file.Exists || file.Length > maxBytes || file.LinkTarget is not null) return null;
        XDocument document;
        try
        {
            using var stream = file.OpenRead();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        var methodOfTest = document.Descendants(Trx + "UnitTest").ToDictionary(
            t => (string?)t.Attribute("id") ?? "",
            t => t.Element(Trx + "TestMethod") is { } m ? $"{(string?)m.Attribute("className")}.{(string?)m.Attribute("name")}" : "");
        var results = new SortedDictionary<string, (bool Passed, List<string> Messages)>(StringComparer.Ordinal);
        foreach (var result in document.Descendants(Trx + "UnitTestResult"))
        {
            if (!methodOfTest.TryGetValue((string?)result.Attribute("testId") ?? "", out string? method) || method.Length == 0) return null;
            bool passed = (string?)result.Attribute("outcome") == "Passed";
            if (!results.TryGetValue(method, out var entry)) results[method] = entry = (true, []);
            if (!passed)
            {
                string message = result.Descendants(Trx + "Message").FirstOrDefault()?.Value.Trim() ?? "(no message)";
                entry.Messages.Add($"{(string?)result.Attribute("testName")}: {message}");
                results[method] = (false, entry.Messages);
            }
        }
        return results.ToDictionary(r => r.Key, r => new MethodResult(r.Key, r.Value.Passed, r.Value.Messages.FirstOrDefault() ?? "", r.Value.Messages.Count));
    }
}
