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
    AssignCommand.Create(),
    GradeCommand.Create(),
};
return await CommandLineRunner.RunAsync(root, args);
