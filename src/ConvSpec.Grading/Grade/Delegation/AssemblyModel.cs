using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ConvSpec.Grading.Grade.Delegation;

/// <summary>
/// What an IL token names: a member or type, the assembly it lives in (null for the assembly being read) and, for
/// members of that assembly, their definition. <see cref="Key"/> names it the same way in any assembly that refers to it.
/// </summary>
internal sealed record Target(string? Assembly, string Type, string Member, string Signature, EntityHandle Definition)
{
    public string Key => Member.Length == 0 ? Type : $"{Type}::{Member}{Signature}";

    public string Display => Member.Length == 0 ? Type : $"{Type}.{Member}";
}

/// <summary>
/// A compiled assembly read as metadata with System.Reflection.Metadata: nothing of it is loaded or run, so a
/// student's ConvSpec.dll can be read in the trusted grader.
/// </summary>
internal sealed class AssemblyModel : IDisposable
{
    private readonly PEReader _pe;
    private readonly SignatureNames _names;

    public AssemblyModel(string path)
    {
        _pe = new PEReader(File.OpenRead(path));
        Metadata = _pe.GetMetadataReader();
        _names = new SignatureNames(this);
    }

    public MetadataReader Metadata { get; }

    public void Dispose() => _pe.Dispose();

    /// <summary>The full name, with nested types after a '/': ConvSpec.Convolution.Convolution2D/&lt;&gt;c.</summary>
    public string TypeName(TypeDefinitionHandle handle)
    {
        TypeDefinition type = Metadata.GetTypeDefinition(handle);
        string name = Metadata.GetString(type.Name);
        TypeDefinitionHandle outer = type.GetDeclaringType();
        if (!outer.IsNil) return TypeName(outer) + "/" + name;
        string ns = Metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public string TypeName(TypeReferenceHandle handle)
    {
        TypeReference type = Metadata.GetTypeReference(handle);
        string name = Metadata.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference) return TypeName((TypeReferenceHandle)type.ResolutionScope) + "/" + name;
        string ns = Metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>The assembly a type reference points into; null when it points back into this one.</summary>
    public string? AssemblyOf(TypeReferenceHandle handle)
    {
        EntityHandle scope = Metadata.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.TypeReference => AssemblyOf((TypeReferenceHandle)scope),
            HandleKind.AssemblyReference => Metadata.GetString(Metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name),
            HandleKind.ModuleReference => "module " + Metadata.GetString(Metadata.GetModuleReference((ModuleReferenceHandle)scope).Name),
            _ => null,
        };
    }

    public TypeDefinitionHandle TopLevel(TypeDefinitionHandle handle)
    {
        TypeDefinitionHandle outer = Metadata.GetTypeDefinition(handle).GetDeclaringType();
        return outer.IsNil ? handle : TopLevel(outer);
    }

    /// <summary>The type's own methods and those of the types nested in it.</summary>
    public IEnumerable<MethodDefinitionHandle> MethodsWithNested(TypeDefinitionHandle handle)
    {
        TypeDefinition type = Metadata.GetTypeDefinition(handle);
        foreach (var method in type.GetMethods()) yield return method;
        foreach (var nested in type.GetNestedTypes())
        {
            foreach (var method in MethodsWithNested(nested)) yield return method;
        }
    }

    public IEnumerable<TypeDefinitionHandle> Types => Metadata.TypeDefinitions;

    public IReadOnlyList<IlToken> Tokens(MethodDefinitionHandle handle)
    {
        MethodDefinition method = Metadata.GetMethodDefinition(handle);
        return method.RelativeVirtualAddress == 0 ? [] : IlTokens.Read(_pe.GetMethodBody(method.RelativeVirtualAddress));
    }

    public bool IsNative(MethodDefinitionHandle handle)
    {
        MethodDefinition method = Metadata.GetMethodDefinition(handle);
        return (method.Attributes & MethodAttributes.PinvokeImpl) != 0
            || (method.ImplAttributes & (MethodImplAttributes.InternalCall | MethodImplAttributes.Native | MethodImplAttributes.Unmanaged)) != 0;
    }

    public bool IsStaticConstructor(MethodDefinitionHandle handle) => Metadata.GetString(Metadata.GetMethodDefinition(handle).Name) == ".cctor";

    /// <summary>Methods the runtime calls on its own when the module loads: [ModuleInitializer] methods and &lt;Module&gt;'s static constructor.</summary>
    public IEnumerable<MethodDefinitionHandle> ModuleInitializers()
    {
        foreach (var handle in Metadata.MethodDefinitions)
        {
            MethodDefinition method = Metadata.GetMethodDefinition(handle);
            bool moduleConstructor = Metadata.GetString(method.Name) == ".cctor" && TypeName(method.GetDeclaringType()) == "<Module>";
            if (moduleConstructor || method.GetCustomAttributes().Any(a => AttributeName(Metadata.GetCustomAttribute(a)) == "System.Runtime.CompilerServices.ModuleInitializerAttribute"))
                yield return handle;
        }
    }

    public Target Define(MethodDefinitionHandle handle)
    {
        MethodDefinition method = Metadata.GetMethodDefinition(handle);
        return new Target(null, TypeName(method.GetDeclaringType()), Metadata.GetString(method.Name), _names.Method(method.Signature), handle);
    }

    public Target Define(FieldDefinitionHandle handle)
    {
        FieldDefinition field = Metadata.GetFieldDefinition(handle);
        return new Target(null, TypeName(field.GetDeclaringType()), Metadata.GetString(field.Name), ":" + _names.Field(field.Signature), handle);
    }

    public Target Define(TypeDefinitionHandle handle) => new(null, TypeName(handle), "", "", handle);

    /// <summary>Every member and type this assembly defines, by <see cref="Target.Key"/>.</summary>
    public ImmutableHashSet<string> DefinedKeys() =>
        Metadata.TypeDefinitions.Select(t => Define(t).Key)
            .Concat(Metadata.MethodDefinitions.Select(m => Define(m).Key))
            .Concat(Metadata.FieldDefinitions.Select(f => Define(f).Key))
            .ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>What a token in a method body names, or null for a token that names nothing callable (a stand-alone signature).</summary>
    public Target? Resolve(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                return Define((MethodDefinitionHandle)handle);
            case HandleKind.FieldDefinition:
                return Define((FieldDefinitionHandle)handle);
            case HandleKind.TypeDefinition:
                return Define((TypeDefinitionHandle)handle);
            case HandleKind.TypeReference:
                return Owner((TypeReferenceHandle)handle) is var (assembly, type, definition) ? new Target(assembly, type, "", "", definition) : null;
            case HandleKind.TypeSpecification:
                var (specAssembly, specType, specDefinition) = Metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(new TypeOwners(this), null);
                return new Target(specAssembly, specType, "", "", specDefinition);
            case HandleKind.MethodSpecification:
                return Resolve(Metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            case HandleKind.MemberReference:
                return Reference((MemberReferenceHandle)handle);
            default:
                return null;
        }
    }

    private Target Reference(MemberReferenceHandle handle)
    {
        MemberReference member = Metadata.GetMemberReference(handle);
        string name = Metadata.GetString(member.Name);
        string signature = member.GetKind() == MemberReferenceKind.Method ? _names.Method(member.Signature) : ":" + _names.Field(member.Signature);
        (string? assembly, string type, EntityHandle definition) = member.Parent.Kind switch
        {
            HandleKind.TypeReference => Owner((TypeReferenceHandle)member.Parent),
            HandleKind.TypeDefinition => (null, TypeName((TypeDefinitionHandle)member.Parent), member.Parent),
            HandleKind.TypeSpecification => Metadata.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(new TypeOwners(this), null),
            HandleKind.MethodDefinition => (null, Define((MethodDefinitionHandle)member.Parent).Type, member.Parent),
            HandleKind.ModuleReference => ("module " + Metadata.GetString(Metadata.GetModuleReference((ModuleReferenceHandle)member.Parent).Name), "<native>", default(EntityHandle)),
            _ => ("<unknown>", "<unknown>", default(EntityHandle)),
        };
        if (assembly is null && definition.Kind == HandleKind.TypeDefinition)
        {
            // A member of this assembly named through a reference (on a generic instantiation, say): find its definition.
            var owner = (TypeDefinitionHandle)definition;
            TypeDefinition ownerType = Metadata.GetTypeDefinition(owner);
            string key = $"{type}::{name}{signature}";
            foreach (var method in ownerType.GetMethods())
            {
                if (Define(method).Key == key) return Define(method);
            }
            foreach (var field in ownerType.GetFields())
            {
                if (Define(field).Key == key) return Define(field);
            }
        }
        return new Target(assembly, type, name, signature, definition);
    }

    private (string? Assembly, string Type, EntityHandle Definition) Owner(TypeReferenceHandle handle)
    {
        string? assembly = AssemblyOf(handle);
        string name = TypeName(handle);
        if (assembly is not null) return (assembly, name, default);
        // A reference into this same assembly: point at its definition.
        var definition = Metadata.TypeDefinitions.FirstOrDefault(t => TypeName(t) == name);
        return (null, name, definition);
    }

    private string AttributeName(CustomAttribute attribute)
    {
        EntityHandle constructor = attribute.Constructor;
        EntityHandle type = constructor.Kind == HandleKind.MemberReference
            ? Metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent
            : Metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType();
        return type.Kind switch
        {
            HandleKind.TypeReference => TypeName((TypeReferenceHandle)type),
            HandleKind.TypeDefinition => TypeName((TypeDefinitionHandle)type),
            _ => "",
        };
    }

    /// <summary>The type that owns a member named on a constructed type: the generic type's definition; arrays and type parameters belong to the runtime.</summary>
    private sealed class TypeOwners(AssemblyModel model) : ISignatureTypeProvider<(string? Assembly, string Type, EntityHandle Definition), object?>
    {
        private static readonly (string?, string, EntityHandle) Runtime = ("System.Runtime", "System.Array", default);

        public (string?, string, EntityHandle) GetPrimitiveType(PrimitiveTypeCode typeCode) => ("System.Runtime", "System." + typeCode, default);

        public (string?, string, EntityHandle) GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            (null, model.TypeName(handle), handle);

        public (string?, string, EntityHandle) GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => model.Owner(handle);

        public (string?, string, EntityHandle) GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public (string?, string, EntityHandle) GetGenericInstantiation((string?, string, EntityHandle) genericType, ImmutableArray<(string?, string, EntityHandle)> typeArguments) => genericType;

        public (string?, string, EntityHandle) GetSZArrayType((string?, string, EntityHandle) elementType) => Runtime;

        public (string?, string, EntityHandle) GetArrayType((string?, string, EntityHandle) elementType, ArrayShape shape) => Runtime;

        public (string?, string, EntityHandle) GetByReferenceType((string?, string, EntityHandle) elementType) => elementType;

        public (string?, string, EntityHandle) GetPointerType((string?, string, EntityHandle) elementType) => elementType;

        public (string?, string, EntityHandle) GetPinnedType((string?, string, EntityHandle) elementType) => elementType;

        public (string?, string, EntityHandle) GetModifiedType((string?, string, EntityHandle) modifier, (string?, string, EntityHandle) unmodifiedType, bool isRequired) => unmodifiedType;

        public (string?, string, EntityHandle) GetGenericMethodParameter(object? genericContext, int index) => Runtime;

        public (string?, string, EntityHandle) GetGenericTypeParameter(object? genericContext, int index) => Runtime;

        public (string?, string, EntityHandle) GetFunctionPointerType(MethodSignature<(string?, string, EntityHandle)> signature) => Runtime;
    }
}
