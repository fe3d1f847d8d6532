using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace ConvSpec.Grading.Grade.Delegation;

/// <summary>Signatures as text, the same in every assembly that names the member: "(!!0[,],!!0[,])!!0[,]`1".</summary>
internal sealed class SignatureNames(AssemblyModel model) : ISignatureTypeProvider<string, object?>
{
    public string Method(BlobHandle signature)
    {
        var reader = model.Metadata.GetBlobReader(signature);
        MethodSignature<string> decoded = new SignatureDecoder<string, object?>(this, model.Metadata, null).DecodeMethodSignature(ref reader);
        string generic = decoded.GenericParameterCount > 0 ? "`" + decoded.GenericParameterCount : "";
        return $"({string.Join(",", decoded.ParameterTypes)}){decoded.ReturnType}{generic}";
    }

    public string Field(BlobHandle signature)
    {
        var reader = model.Metadata.GetBlobReader(signature);
        return new SignatureDecoder<string, object?>(this, model.Metadata, null).DecodeFieldSignature(ref reader);
    }

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => model.TypeName(handle);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => model.TypeName(handle);

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

    public string GetFunctionPointerType(MethodSignature<string> signature) => $"fnptr({string.Join(",", signature.ParameterTypes)}){signature.ReturnType}";
}
