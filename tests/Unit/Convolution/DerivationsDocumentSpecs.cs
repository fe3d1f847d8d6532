namespace ConvSpec.Tests.Unit.Convolution;

public class DerivationsDocumentSpecs
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Tests = DerivationsDocument.TestsOf(typeof(DerivationsDocumentSpecs).Assembly);

    [Fact]
    [Specifies("Rule: the spec document and the specs agree")]
    public void Every_test_named_in_the_document_exists()
    {
        string document = DerivationsDocument.ReadFromRepository();
        DerivationsDocument.Parse(document).Should().HaveCountGreaterThan(50, "the document names the tests of every equation");
        DerivationsDocument.Problems(document, Tests).Where(p => p.Contains("is not a test", StringComparison.Ordinal) || p.Contains("living elsewhere", StringComparison.Ordinal))
            .Should().BeEmpty("every `Class.Method` in docs/derivations.md must name a real test");
    }

    [Fact]
    [Specifies("Rule: the spec document and the specs agree")]
    public void Every_specified_test_is_listed_under_its_section()
    {
        Tests.Values.Sum(r => r.Count).Should().BeGreaterThan(50, "the reflection must see the [Specifies] attributes");
        DerivationsDocument.Problems(DerivationsDocument.ReadFromRepository(), Tests).Should().BeEmpty(
            "each test with [Specifies(\"Eq. N\")] must appear under equation N of docs/derivations.md (likewise errata and rules)");
    }

    private static readonly Dictionary<string, IReadOnlyList<string>> Tiny = new()
    {
        ["BorderBoundsSpecs.Left_border"] = ["Eq. 6"],
        ["SobelSpecs.Gx_vertical"] = ["Erratum E3"],
    };

    private const string TinyDocument = """
        ### Equation 6: bounds
        Pinned by: `BorderBoundsSpecs.Left_border`.
        ### Erratum E3: G_x
        Pinned by: `SobelSpecs.Gx_vertical`, `tests/Approval: SobelApprovalSpecs.Edges_of_camera`.
        """;

    [Fact]
    [Specifies("Rule: the spec document and the specs agree")]
    public void A_misspelt_test_name_is_reported()
    {
        DerivationsDocument.Problems(TinyDocument, Tiny).Should().BeEmpty("the tiny document lists both tests correctly");
        string typo = TinyDocument.Replace("BorderBoundsSpecs.Left_border", "BorderBoundSpecs.Left_border", StringComparison.Ordinal);
        DerivationsDocument.Problems(typo, Tiny).Should().Contain(p => p.Contains("BorderBoundSpecs.Left_border` is not a test", StringComparison.Ordinal),
            "a misspelt class name must be reported");
    }

    [Fact]
    [Specifies("Rule: the spec document and the specs agree")]
    public void A_test_missing_from_its_section_is_reported()
    {
        string moved = """
            ### Equation 5: input gradient
            Pinned by: `BorderBoundsSpecs.Left_border`.
            ### Erratum E3: G_x
            Pinned by: `SobelSpecs.Gx_vertical`.
            """;
        DerivationsDocument.Problems(moved, Tiny).Should().ContainSingle(
            "the test specifies Eq. 6 but is listed under equation 5 only")
            .Which.Should().Contain("BorderBoundsSpecs.Left_border specifies \"Eq. 6\"");
    }

    [Fact]
    [Specifies("Rule: the spec document and the specs agree")]
    public void A_pending_name_must_resolve_once_its_class_exists()
    {
        string pending = TinyDocument + "\n### Erratum E7: evaluation\nPinned by: `pending: MnistEvaluationSpecs.Evaluation_uses_the_test_set`.\n";
        DerivationsDocument.Problems(pending, Tiny).Should().BeEmpty("the class does not exist yet, so the name is accepted as pending");

        var withClass = new Dictionary<string, IReadOnlyList<string>>(Tiny) { ["MnistEvaluationSpecs.Evaluation_uses_test_set"] = [] };
        DerivationsDocument.Problems(pending, withClass).Should().ContainSingle("once the class exists, a name it lacks is a typo")
            .Which.Should().Contain("MnistEvaluationSpecs");
    }

    [Fact]
    [Specifies("Rule: the spec document and the specs agree")]
    public void Names_in_other_test_projects_are_accepted_only_for_foreign_classes()
    {
        string foreign = TinyDocument + "\nAlso `tests/Approval: SobelSpecs.Gx_horizontal`.\n";
        DerivationsDocument.Problems(foreign, Tiny).Should().ContainSingle(
            "SobelSpecs lives in this project, so a missing method on it cannot hide behind another project's prefix");
    }
}
