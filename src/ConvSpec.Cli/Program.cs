using System.CommandLine;
using ConvSpec.Cli.Commands;

var root = new RootCommand("convspec: the convolution lab as executable specifications");
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(SummaryCommand.Create());
return await root.Parse(args).InvokeAsync();
