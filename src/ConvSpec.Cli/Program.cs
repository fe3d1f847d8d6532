using System.CommandLine;
using System.CommandLine.Help;
using ConvSpec.Cli;
using ConvSpec.Cli.Commands;
using ConvSpec.Training;

// Before libtorch's first allocation: the CLI trains, and the tuning is this program's choice, not the library's.
MallocTuning.Apply();

// A plain Command rather than RootCommand, whose name would be the assembly's (ConvSpec.Cli) in help and errors.
var root = new Command(CommandLineRunner.ProgramName, "ConvSpec: the convolution lab as executable specifications.")
{
    new HelpOption(),
    new VersionOption(),
    LabCommand.Create(),
    SobelCommand.Create(),
    ConvCommand.Create(),
    ConvGradCommand.Create(),
    TrainCommand.Create(),
    SummaryCommand.Create(),
};
AddInstructorCommands(root);
return await CommandLineRunner.RunAsync(root, args);

internal static partial class Program
{
    /// <summary>Adds assign and grade where Instructor/ is compiled in; in the student's starter it is a no-op.</summary>
    static partial void AddInstructorCommands(Command root);
}
