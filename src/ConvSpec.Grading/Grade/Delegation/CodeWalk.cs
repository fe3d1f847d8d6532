using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using ConvSpec.Grading.Grade.PerExercise;

namespace ConvSpec.Grading.Grade.Delegation;

/// <summary>
/// The code an exercise runs, found by following its IL from its own types: into members of those types, into
/// compiler-generated types, and into whatever the student wrote that the reference solution does not define
/// (a helper type, a member added to a library type), a whole type at a time so that overrides reached by
/// virtual calls are included. Members the reference defines elsewhere are recorded as used, not followed.
/// </summary>
internal sealed class CodeWalk
{
    private readonly AssemblyModel _model;
    private readonly ImmutableHashSet<string> _known;
    private readonly IReadOnlySet<string> _own;
    private readonly Dictionary<MethodDefinitionHandle, MethodDefinitionHandle> _origin = [];
    private readonly HashSet<TypeDefinitionHandle> _reachedTypes = [];
    private readonly Queue<MethodDefinitionHandle> _queue = new();

    /// <summary>A token in a reached method: what it names, the exercise whose files declare that, and whether the walk went on into it.</summary>
    public sealed record Use(MethodDefinitionHandle From, OpCode OpCode, Target Target, ExercisePart? Owner, bool Followed);

    public CodeWalk(AssemblyModel model, ImmutableHashSet<string> known, IReadOnlySet<string> ownExercises, IEnumerable<MethodDefinitionHandle> seeds)
    {
        _model = model;
        _known = known;
        _own = ownExercises;
        foreach (var seed in seeds) Enqueue(seed, seed);
        while (_queue.TryDequeue(out var method))
        {
            foreach (var token in model.Tokens(method))
            {
                Target? target = model.Resolve(token.Handle);
                if (target is null)
                {
                    if (token.OpCode == OpCodes.Calli) Uses.Add(new Use(method, token.OpCode, new Target(null, "(function pointer)", "", "", default), null, false));
                    continue;
                }
                TypeDefinitionHandle owner = OwnerType(target);
                ExercisePart? part = owner.IsNil ? null : ExerciseParts.OfType(model.TypeName(model.TopLevel(owner)));
                bool follow = !owner.IsNil && Follows(owner, target);
                Uses.Add(new Use(method, token.OpCode, target, part, follow));
                if (!follow) continue;
                if (target.Definition.Kind == HandleKind.MethodDefinition) Enqueue((MethodDefinitionHandle)target.Definition, _origin[method]);
                Reach(model.TopLevel(owner), _origin[method]);
            }
        }
    }

    public List<Use> Uses { get; } = [];

    public bool Reaches(MethodDefinitionHandle method) => _origin.ContainsKey(method);

    public IEnumerable<MethodDefinitionHandle> Reached => _origin.Keys.OrderBy(m => MetadataTokens.GetRowNumber(m));

    /// <summary>The method's name, and the exercise method it was reached from when that is another.</summary>
    public string Describe(MethodDefinitionHandle method)
    {
        string name = _model.Define(method).Display;
        var origin = _origin[method];
        return origin == method ? name : $"{name} (reached from {_model.Define(origin).Display})";
    }

    private TypeDefinitionHandle OwnerType(Target target) => target.Definition.Kind switch
    {
        HandleKind.MethodDefinition => _model.Metadata.GetMethodDefinition((MethodDefinitionHandle)target.Definition).GetDeclaringType(),
        HandleKind.FieldDefinition => _model.Metadata.GetFieldDefinition((FieldDefinitionHandle)target.Definition).GetDeclaringType(),
        HandleKind.TypeDefinition => (TypeDefinitionHandle)target.Definition,
        _ => default,
    };

    /// <summary>Student-written: a member of the walk's own exercises, of a compiler-generated type, or one the reference does not define.</summary>
    private bool Follows(TypeDefinitionHandle owner, Target target)
    {
        string top = _model.TypeName(_model.TopLevel(owner));
        if (top.StartsWith('<')) return true;
        if (ExerciseParts.OfType(top) is { } part && _own.Contains(part.Exercise)) return true;
        return !_known.Contains(target.Key);
    }

    /// <summary>Every student-written method of a type the walk reached, so a virtual call's override is not missed.</summary>
    private void Reach(TypeDefinitionHandle type, MethodDefinitionHandle origin)
    {
        if (!_reachedTypes.Add(type)) return;
        foreach (var method in _model.MethodsWithNested(type))
        {
            if (Follows(type, _model.Define(method))) Enqueue(method, origin);
        }
    }

    private void Enqueue(MethodDefinitionHandle method, MethodDefinitionHandle origin)
    {
        if (_origin.TryAdd(method, origin)) _queue.Enqueue(method);
    }
}
