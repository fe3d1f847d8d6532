using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace ConvSpec.Grading.Grade.Delegation;

/// <summary>One instruction of a method body that names metadata: its opcode and the token it carries.</summary>
internal readonly record struct IlToken(OpCode OpCode, EntityHandle Handle);

/// <summary>Reads a method body's IL as bytes, without loading the assembly, and yields the instructions that carry a token.</summary>
internal static class IlTokens
{
    private static readonly Dictionary<short, OpCode> _opCodes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static List<IlToken> Read(MethodBodyBlock body)
    {
        var tokens = new List<IlToken>();
        BlobReader il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short code = il.ReadByte();
            if (code == 0xFE) code = unchecked((short)(0xFE00 | il.ReadByte()));
            if (!_opCodes.TryGetValue(code, out OpCode op))
                throw new BadImageFormatException($"unknown IL opcode 0x{code:X}.");
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineSwitch:
                    il.Offset += 4 * il.ReadInt32();
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineString:
                    il.Offset += 4;
                    break;
                default:
                    // InlineField, InlineMethod, InlineType, InlineTok, InlineSig: a metadata token.
                    int token = il.ReadInt32();
                    tokens.Add(new IlToken(op, MetadataTokens.EntityHandle(token)));
                    break;
            }
        }
        return tokens;
    }
}
