using System.Reflection;
using System.Runtime.CompilerServices;
using ConvSpec.Training;

namespace ConvSpec.Tests.Unit.Training;

/// <summary>
/// The malloc tuning changes a whole process's allocator, so only entry points apply it: loading the
/// library (as a student's exercise host does) must leave glibc's defaults alone.
/// </summary>
public sealed class MallocTuningScopeSpecs
{
    [Fact]
    [Specifies("Rule: glibc malloc keeps freed activation buffers")]
    public void The_library_runs_no_code_when_it_is_loaded()
    {
        Assembly library = typeof(MallocTuning).Assembly;
        var initializers = library.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.IsDefined(typeof(ModuleInitializerAttribute), inherit: false))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}");

        initializers.Should().BeEmpty("a module initializer would run in every process that loads ConvSpec, the exercise host included");
    }

    [Fact]
    [Specifies("Rule: glibc malloc keeps freed activation buffers")]
    public void The_cli_applies_the_tuning_before_anything_else()
    {
        string program = File.ReadAllText(RepositoryFiles.PathOf("src/ConvSpec.Cli/Program.cs"));
        string firstStatement = program.Split('\n').Select(l => l.Trim())
            .First(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("//", StringComparison.Ordinal));

        firstStatement.Should().Be("MallocTuning.Apply();", "the CLI trains, and the tuning must precede libtorch's first allocation");
    }
}
