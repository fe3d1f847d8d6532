using System.Text.Json;
using Json.Schema;

namespace ConvSpec.Tests.Grading.Gradescope;

/// <summary>Gradescope's results.json format as a JSON Schema (results.schema.json beside this file, written from Gradescope's documentation).</summary>
public static class GradescopeSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gradescope", "results.schema.json"))));

    /// <summary>Every place <paramref name="json"/> breaks the schema; empty when it conforms.</summary>
    public static IReadOnlyList<string> Problems(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var problems = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
        return problems.Count > 0 ? problems : ["the document does not conform"];
    }
}
