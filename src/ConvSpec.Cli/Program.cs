using System.CommandLine;
using ConvSpec.Cli.Commands;

var root = new RootCommand("convspec: the convolution lab as executable specifications.");
root.Subcommands.Add(AssignCommand.Create());
root.Subcommands.Add(GradeCommand.Create());
return await root.Parse(args).InvokeAsync();
