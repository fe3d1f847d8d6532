using Xunit.v3;

namespace ConvSpec.Tests;

/// <summary>
/// Names what a spec pins: an equation of docs/derivations.md ("Eq. 6"), an erratum ("Erratum E2")
/// or a rule stated elsewhere in the docs ("Rule: ..."). Becomes the trait Specifies=..., so a run can be
/// filtered by equation and the document can be checked against the specs.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class SpecifiesAttribute(string reference) : Attribute, ITraitAttribute
{
    public string Reference { get; } = reference;

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new("Specifies", Reference)];
}
