using System.CommandLine;
using ConvSpec.Cli;
using ConvSpec.Cli.Commands;

var root = new RootCommand("ConvSpec: the convolution lab as executable specifications.")
{
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
    static partial void AddInstructorCommands(RootCommand root);
}
