namespace ConvSpec.Tests.Grading.Gradescope;

public class GradescopeSchemaSpecs
{
    [Theory]
    [Specifies("Rule: results.json follows Gradescope's format")]
    [InlineData("""{ "tests": [ { "name": "a", "max_score": 1 } ] }""", "no score, neither at the top nor on the test")]
    [InlineData("""{ "score": "35" }""", "the score is a string")]
    [InlineData("""{ "score": 1, "tests": [ { "score": 1, "visibility": "later" } ] }""", "a visibility Gradescope does not know")]
    [InlineData("""{ "score": 1, "tests": [ { "score": 1, "number": 2.1 } ] }""", "a test's number is a string")]
    [InlineData("""{ "score": 1, "execution_time": -3 }""", "a negative execution time")]
    [InlineData("""{ "score": 1, "tests": [ { "score": 1, "max-score": 1 } ] }""", "a misspelt key")]
    public void The_schema_rejects_a_document_gradescope_would_not_read(string json, string because)
    {
        GradescopeSchema.Problems(json).Should().NotBeEmpty(because);
    }

    [Fact]
    [Specifies("Rule: results.json follows Gradescope's format")]
    public void The_schema_accepts_the_documented_keys()
    {
        const string json = """
            { "score": 4.5, "execution_time": 136, "output": "all", "output_format": "md", "visibility": "after_due_date",
              "stdout_visibility": "hidden", "extra_data": {}, "leaderboard": [ { "name": "time", "value": 3, "order": "asc" } ],
              "tests": [ { "score": 2, "max_score": 2, "status": "passed", "name": "one", "number": "1.1", "output": "ok",
                           "tags": ["a"], "visibility": "visible", "extra_data": {} } ] }
            """;

        GradescopeSchema.Problems(json).Should().BeEmpty();
    }
}
