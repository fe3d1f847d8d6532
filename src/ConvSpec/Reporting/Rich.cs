namespace ConvSpec.Reporting;

/// <summary>A piece of running text: plain words, inline maths, or a link.</summary>
public abstract record Inline;

/// <summary>Text shown as written (the page escapes it).</summary>
public sealed record Plain(string Text) : Inline;

/// <summary>Inline MathML built by <see cref="MathMl"/>; inserted as markup, so it never holds user text.</summary>
public sealed record InlineMath(string Markup) : Inline;

/// <summary>A link, e.g. to an equation of the spec document copied beside the report.</summary>
public sealed record Link(string Label, string Href) : Inline;

/// <summary>Running text made of inlines; a plain string converts to one <see cref="Plain"/>.</summary>
public sealed record Rich(IReadOnlyList<Inline> Parts)
{
    public static implicit operator Rich(string text) => new([new Plain(text)]);

    public static Rich Of(params object[] parts) => new(parts.Select(p => p switch
    {
        Inline inline => inline,
        string text => new Plain(text),
        _ => throw new ArgumentException($"{p.GetType().Name} is not text, maths or a link.", nameof(parts)),
    }).ToList());

    /// <summary>The words alone, for alt text and the console.</summary>
    public string PlainText => string.Concat(Parts.Select(p => p switch
    {
        Plain t => t.Text,
        Link l => l.Label,
        InlineMath m => MathMl.TextOf(m.Markup),
        _ => "",
    }));
}
