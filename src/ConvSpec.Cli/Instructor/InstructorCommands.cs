using System.CommandLine;
using ConvSpec.Cli.Instructor;

// The instructor's half of `convspec`: compiled only in the instructor's suite, never in the student's starter.
internal static partial class Program
{
    static partial void AddInstructorCommands(Command root)
    {
        root.Add(AssignCommand.Create());
        root.Add(GradeCommand.Create());
        root.Add(GradescopeCommand.Create());
    }
}
