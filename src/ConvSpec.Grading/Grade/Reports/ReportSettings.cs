namespace ConvSpec.Grading.Grade.Reports;

/// <summary>Gradescope's visibility of a test: when a student sees it.</summary>
public enum Visibility
{
    Hidden,
    AfterDueDate,
    AfterPublished,
    Visible,
}

/// <summary>
/// What the class reports need beyond the results: how student code was contained and limited (for the
/// instructor's grading-log.md only), when students see hidden specs in results.json, whether feedback is also
/// written as HTML, and the roster, if any.
/// </summary>
public sealed record ReportSettings(
    string Containment,
    string Limits,
    Visibility HiddenVisibility = Visibility.AfterPublished,
    bool Html = false,
    Roster? Roster = null)
{
    /// <summary>Gradescope's spelling of a visibility.</summary>
    public static string Name(Visibility visibility) => visibility switch
    {
        Visibility.Hidden => "hidden",
        Visibility.AfterDueDate => "after_due_date",
        Visibility.AfterPublished => "after_published",
        Visibility.Visible => "visible",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility)),
    };

    public static readonly IReadOnlyList<string> Names = [.. Enum.GetValues<Visibility>().Select(Name)];

    public static Visibility Parse(string name) =>
        Enum.GetValues<Visibility>().FirstOrDefault(v => Name(v) == name, (Visibility)(-1)) is var v && Enum.IsDefined(v)
            ? v
            : throw new ArgumentException($"'{name}' is not a visibility; use one of {string.Join(", ", Names)}.", nameof(name));
}
