using System.CommandLine;
using ConvSpec.Grading.Grade.Isolation;

namespace ConvSpec.Cli.Instructor;

/// <summary>--sandbox bwrap|none: what confines student code (docs/grading.md, "How a hand-in is contained").</summary>
internal static class SandboxOption
{
    public const string GradeDescription = "bwrap (the default: grading stops if bubblewrap cannot confine student code here) or none (trusted code only: limits, no sandbox).";

    public static Option<SandboxKind> Create(string description = GradeDescription)
    {
        var sandbox = new Option<SandboxKind>("--sandbox")
        {
            Description = description,
            DefaultValueFactory = _ => SandboxKind.Bubblewrap,
            CustomParser = result => result.Tokens.Single().Value == "none" ? SandboxKind.None : SandboxKind.Bubblewrap,
        };
        sandbox.AcceptOnlyFromAmong("bwrap", "none");
        return sandbox;
    }
}
