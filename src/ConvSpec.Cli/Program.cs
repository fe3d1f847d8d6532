using System.CommandLine;
using ConvSpec.Cli;
using ConvSpec.Cli.Commands;
using ConvSpec.Training;

NnpackSwitch.OffWhereUnsupported();
var root = new RootCommand("ConvSpec: the convolution lab as executable specifications.")
{
    LabCommand.Create(),
    SobelCommand.Create(),
    ConvCommand.Create(),
    ConvGradCommand.Create(),
    TrainCommand.Create(),
    SummaryCommand.Create(),
    CheckCommand.Create(),
    PackCommand.Create(),
};
AddInstructorCommands(root);
return await CommandLineRunner.RunAsync(root, args);

internal static partial class Program
{
    /// <summary>Adds assign and grade where Instructor/ is compiled in; in the student's starter it is a no-op.</summary>
    static partial void AddInstructorCommands(RootCommand root);
}
