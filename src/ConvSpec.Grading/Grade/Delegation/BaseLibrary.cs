namespace ConvSpec.Grading.Grade.Delegation;

/// <summary>
/// What hand-written exercise code may call in .NET itself: everything that computes, stores, prints or reads
/// files, but nothing that runs code found at run time (reflection, assembly loading, compiled expressions,
/// native libraries, other programs) and nothing that hands over objects the rest of the submission left behind.
/// Outside .NET (TorchSharp above all) nothing may be called.
/// </summary>
internal static class BaseLibrary
{
    /// <summary>Assemblies of .NET whose every use is running code found at run time.</summary>
    private static readonly string[] _deniedAssemblies =
    [
        "System.Diagnostics.Process", "System.Linq.Expressions", "System.Reflection.Emit", "System.Reflection.Emit.ILGeneration",
        "System.Reflection.Emit.Lightweight", "System.Runtime.Loader", "System.Reflection.DispatchProxy",
    ];

    /// <summary>Namespaces, types and members inside .NET's other assemblies that load, find or call code by name or address, or hand over shared objects.</summary>
    private static readonly string[] _denied =
    [
        "System.Reflection.", "System.Runtime.Loader.", "System.Runtime.InteropServices.NativeLibrary", "System.Runtime.InteropServices.ComWrappers",
        "System.Runtime.InteropServices.Marshal::Get", "System.Runtime.InteropServices.Marshal::PtrToStructure",
        "System.Runtime.InteropServices.Marshal::CreateWrapperOfType", "System.Runtime.InteropServices.GCHandle::FromIntPtr",
        "System.Activator::", "System.AppDomain::", "System.AppContext::GetData", "System.AppContext::SetData",
        "System.Runtime.CompilerServices.RuntimeHelpers::RunClassConstructor", "System.Runtime.CompilerServices.RuntimeHelpers::GetUninitializedObject",
        "System.Delegate::CreateDelegate", "System.Delegate::DynamicInvoke", "System.Type::", "System.Diagnostics.Process",
    ];

    /// <summary>What typeof and comparing types compile to.</summary>
    private static readonly string[] _allowedDespiteDenial =
    [
        "System.Type::GetTypeFromHandle", "System.Type::op_Equality", "System.Type::op_Inequality",
    ];

    /// <summary>Why exercise code may not use <paramref name="target"/> (a member or type of another assembly), or null when it may.</summary>
    public static string? Refuses(Target target)
    {
        string? assembly = target.Assembly;
        if (assembly is null) return null;
        if (assembly.StartsWith("module ", StringComparison.Ordinal)) return "native code";
        bool dotnet = assembly is "System" or "netstandard" or "mscorlib" || assembly.StartsWith("System.", StringComparison.Ordinal);
        if (!dotnet) return $"code in {assembly}, outside the submitted files and .NET";
        if (_deniedAssemblies.Contains(assembly, StringComparer.Ordinal)) return $"{assembly}, which runs code found at run time";
        string key = $"{target.Type}::{target.Member}";
        if (_allowedDespiteDenial.Any(a => key.StartsWith(a, StringComparison.Ordinal))) return null;
        if (_denied.Any(d => key.StartsWith(d, StringComparison.Ordinal)))
            return "reflection, code loading or objects handed over by the runtime";
        return null;
    }
}
