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

    [Fact]
    [Specifies("Rule: the spec document and the specs agree")]
    public void Every_link_path_and_foreign_test_the_document_names_exists()
    {
        DocumentLinks.Problems(DerivationsDocument.ReadFromRepository(), RepositoryFiles.PathOf("docs"), RepositoryFiles.Root)
            .Should().BeEmpty("links, #anchors, repository paths and tests of other projects in docs/derivations.md must resolve");
    }

    [Fact]
    [Specifies("Rule: the spec document and the specs agree")]
    public void A_broken_anchor_a_missing_path_and_an_absent_foreign_test_are_reported()
    {
        const string document = """
            ### Equation 6: the border bounds
            See [equation 6](#equation-6-the-border-bounds) and [eq. 7](#equation-7), docs/derivations.md and docs/nowhere.md,
            `tests/Approval: LabSnapshotSpecs.Reference_Sobel_of_the_camera_image` and `tests/Approval: LabSnapshotSpecs.No_such_snapshot`.
            """;
        DocumentLinks.Problems(document, RepositoryFiles.PathOf("docs"), RepositoryFiles.Root).Should().BeEquivalentTo([
            "link (#equation-7): no heading with the anchor #equation-7.",
            "path docs/nowhere.md: no such file or folder in the repository.",
            "`tests/Approval: LabSnapshotSpecs.No_such_snapshot`: no class LabSnapshotSpecs with a method No_such_snapshot under tests/Approval.",
        ]);
    }

    [Fact]
    [Specifies("Rule: the spec document and the specs agree")]
    public void The_starters_cut_copy_still_lists_every_test_and_every_equation()
    {
        string document = DerivationsDocument.ReadFromRepository();
        var regions = DocumentLinks.Regions(document);
        if (regions.Count == 0)
        {
            // This is the starter's copy, already cut: each region left its task statement behind.
            document.Should().NotContain("#!HW").And.Contain("> **Exercise:**", "the starter's copy states each hidden derivation as a task");
            return;
        }
        regions.Should().HaveCountGreaterThanOrEqualTo(4, "each derivation of exercise 3 (equations 3 to 6) hides its worked steps");
        var instructorOnly = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            string body = string.Join('\n', region.Body);
            var hidden = DerivationsDocument.Parse(body);
            // A region may hide test names only where it says that those specs are the instructor's, left out of the starter.
            if (!body.Contains(InstructorOnlyNote, StringComparison.Ordinal))
                hidden.Should().BeEmpty("the region at line {0} must not hide a test name", region.FirstLine);
            instructorOnly.UnionWith(hidden.Select(n => $"{n.ClassName}.{n.MethodName}"));
            body.Should().NotMatchRegex(@"(?m)^#{1,6}\s", "the region at line {0} must not hide a heading", region.FirstLine);
        }

        string starter = DocumentLinks.Cut(document);
        var starterTests = Tests.Where(t => !instructorOnly.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value);
        starter.Should().NotContain("#!HW").And.NotContain("chain rule sums over all of them", "the worked steps are gone from the starter's copy");
        DerivationsDocument.Problems(starter, starterTests).Should().BeEmpty("the cut copy names the same tests under the same sections, less the instructor's");
        DerivationsDocument.Parse(starter).Should().HaveCount(DerivationsDocument.Parse(document).Count - instructorOnly.Count);
        foreach (string equation in new[] { "L_k = max(1, i − n + m),   U_k = min(m, i)", "∂L/∂k_kl = Σ_{i=1..r(Y)} Σ_{j=1..c(Y)} y′_ij · x_{i+k−1, j+l−1}" })
            starter.Should().Contain(equation, "the results the specs pin stay in the starter's copy");
    }

    /// <summary>The words by which a region says the test names in it belong to the instructor's suite only.</summary>
    private const string InstructorOnlyNote = "instructor's suite only";

    [Fact]
    [Specifies("Rule: the spec document and the specs agree")]
    public void Regions_that_nest_or_lack_a_task_are_refused()
    {
        string nested = "<!-- #!HWBEGIN -->\n<!-- #!MSG a -->\n<!-- #!HWBEGIN -->\n<!-- #!HWEND -->\n";
        FluentActions.Invoking(() => DocumentLinks.Regions(nested)).Should().Throw<FormatException>().WithMessage("*inside*");
        FluentActions.Invoking(() => DocumentLinks.Regions("<!-- #!HWBEGIN -->\nsteps\n<!-- #!HWEND -->\n"))
            .Should().Throw<FormatException>().WithMessage("*no MSG*");
        FluentActions.Invoking(() => DocumentLinks.Regions("<!-- #!HWBEGIN -->\n<!-- #!MSG a -->\n"))
            .Should().Throw<FormatException>().WithMessage("*never closed*");
        DocumentLinks.Cut("x\n<!-- #!HWBEGIN -->\n<!-- #!MSG Do it. -->\n<!-- #!MSG Twice. -->\nsecret\n<!-- #!HWEND -->\ny")
            .Should().Be("x\nDo it. Twice.\ny");
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
