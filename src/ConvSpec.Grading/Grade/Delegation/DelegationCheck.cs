using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using ConvSpec.Grading.Grade.PerExercise;

namespace ConvSpec.Grading.Grade.Delegation;

/// <summary>Where a hand-written exercise hands its work to code it may not use.</summary>
public sealed record DelegatedCall(string Exercise, string Method, string Target, string Why)
{
    public override string ToString() => $"{Method} uses {Why} ({Target})";
}

/// <summary>
/// The rule that a hand-written exercise (convolution, bounds, gradients, Sobel) computes its answer itself. It reads
/// the compiled submission as metadata, never loading it, and follows the IL of every method of the exercise's types,
/// and of whatever student-written code those reach (helper types, members added to library types, closures), for
/// calls, object creation, field access and function pointers. Allowed: .NET apart from what runs code found at run
/// time (<see cref="BaseLibrary"/>), the other exercises' own members, and exactly the library helpers the reference
/// solution's exercise code uses. Static fields that the exercises allowed to use TorchSharp (the CNN, the training
/// step) or a module initializer write are off limits too, so work done there cannot be handed over through them.
/// </summary>
public sealed class DelegationCheck
{
    private readonly ImmutableHashSet<string> _referenceKeys;

    private DelegationCheck(ImmutableHashSet<string> referenceKeys, IReadOnlySet<string> allowed)
    {
        _referenceKeys = referenceKeys;
        Allowed = allowed;
    }

    /// <summary>Members outside .NET and the exercise files that the reference solution's hand-written code uses, so students may too.</summary>
    public IReadOnlySet<string> Allowed { get; }

    /// <summary>Reads the reference solution's ConvSpec.dll (trusted) for what it defines and what its exercise code uses.</summary>
    public static DelegationCheck FromReference(string referenceDll)
    {
        using var model = new AssemblyModel(referenceDll);
        var keys = model.DefinedKeys();
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        var shared = SharedStatics(model, keys);
        foreach (var part in ExerciseParts.All.Where(p => p.HandWritten))
        {
            foreach (var (_, target, _) in Findings(model, part, keys, shared, ImmutableHashSet<string>.Empty)) allowed.Add(target.Key);
        }
        return new DelegationCheck(keys, allowed);
    }

    /// <summary>Every place where a hand-written exercise of the submission at <paramref name="studentDll"/> delegates, in a fixed order.</summary>
    public IReadOnlyList<DelegatedCall> Check(string studentDll)
    {
        using var model = new AssemblyModel(studentDll);
        var shared = SharedStatics(model, _referenceKeys);
        var found = new List<DelegatedCall>();
        foreach (var part in ExerciseParts.All.Where(p => p.HandWritten))
        {
            found.AddRange(Findings(model, part, _referenceKeys, shared, Allowed)
                .Select(f => new DelegatedCall(part.Exercise, f.Where, f.Target.Display, f.Why))
                .Distinct()
                .OrderBy(d => d.Method, StringComparer.Ordinal).ThenBy(d => d.Target, StringComparer.Ordinal));
        }
        return found;
    }

    /// <summary>For each hand-written exercise of the assembly, the other exercises whose members its code uses.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> ExercisesUsed(string dll)
    {
        using var model = new AssemblyModel(dll);
        var keys = model.DefinedKeys();
        var used = new SortedDictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var part in ExerciseParts.All.Where(p => p.HandWritten))
        {
            var seeds = model.Types.Where(t => part.Types.Contains(model.TypeName(t), StringComparer.Ordinal)).SelectMany(model.MethodsWithNested);
            var walk = new CodeWalk(model, keys, new HashSet<string>(StringComparer.Ordinal) { part.Exercise }, seeds);
            used[part.Exercise] = walk.Uses.Where(u => u.Owner is not null && u.Owner != part).Select(u => u.Owner!.Exercise).ToHashSet(StringComparer.Ordinal);
        }
        return used;
    }

    private static IEnumerable<(string Where, Target Target, string Why)> Findings(
        AssemblyModel model, ExercisePart part, ImmutableHashSet<string> known, List<(string Field, MethodDefinitionHandle Method)> shared, IReadOnlySet<string> allowed)
    {
        var seeds = model.Types.Where(t => part.Types.Contains(model.TypeName(t), StringComparer.Ordinal)).SelectMany(model.MethodsWithNested);
        var walk = new CodeWalk(model, known, new HashSet<string>(StringComparer.Ordinal) { part.Exercise }, seeds);
        // A static constructor that the exercise's own code also reaches sets fields up for it; stores anywhere else hand values over.
        var handedOver = shared.Where(s => !(model.IsStaticConstructor(s.Method) && walk.Reaches(s.Method))).Select(s => s.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var method in walk.Reached.Where(model.IsNative))
            yield return (walk.Describe(method), model.Define(method), "native code (DllImport)");
        foreach (var use in walk.Uses)
        {
            string? why = Why(use, part) ?? (use.Target.Assembly is null && handedOver.Contains(use.Target.Key)
                ? "a static field that code outside the hand-written exercises (the CNN, the training step or a module initializer) writes"
                : null);
            if (why is not null && !allowed.Contains(use.Target.Key)) yield return (walk.Describe(use.From), use.Target, why);
        }
    }

    private static string? Why(CodeWalk.Use use, ExercisePart part)
    {
        if (use.OpCode == OpCodes.Calli) return "a call through a function pointer";
        if (use.Target.Assembly is not null) return BaseLibrary.Refuses(use.Target);
        if (use.Followed || use.Target.Member.Length == 0) return null;
        var owner = use.Owner;
        if (owner is { HandWritten: true }) return null;
        return owner is null
            ? $"ConvSpec library code that the {part.Exercise} exercise's reference answer does not use"
            : $"the {owner.Exercise} exercise's code, which may use TorchSharp";
    }

    /// <summary>Static fields written by the code that may use TorchSharp (the CNN's and training step's types, what they reach, and module initializers), and the method that writes each.</summary>
    private static List<(string Field, MethodDefinitionHandle Method)> SharedStatics(AssemblyModel model, ImmutableHashSet<string> known)
    {
        var others = ExerciseParts.All.Where(p => !p.HandWritten).ToList();
        var seeds = model.Types.Where(t => others.Any(p => p.Types.Contains(model.TypeName(t), StringComparer.Ordinal)))
            .SelectMany(model.MethodsWithNested).Concat(model.ModuleInitializers());
        var walk = new CodeWalk(model, known, others.Select(p => p.Exercise).ToHashSet(StringComparer.Ordinal), seeds);
        return walk.Uses.Where(u => u.Target.Definition.Kind == HandleKind.FieldDefinition && (u.OpCode == OpCodes.Stsfld || u.OpCode == OpCodes.Ldsflda))
            .Select(u => (u.Target.Key, u.From)).Distinct().ToList();
    }
}
