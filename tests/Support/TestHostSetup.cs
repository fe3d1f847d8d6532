using System.Runtime.CompilerServices;
using ConvSpec.Training;

namespace ConvSpec.Tests;

/// <summary>What every spec project's test host does once before its first spec, as the CLI does at its start.</summary>
internal static class TestHostSetup
{
#pragma warning disable CA2255 // Deliberate: the test host is an entry point, and this must precede the first convolution.
    [ModuleInitializer]
    internal static void OnLoad() => NnpackSwitch.OffWhereUnsupported();
#pragma warning restore CA2255
}
