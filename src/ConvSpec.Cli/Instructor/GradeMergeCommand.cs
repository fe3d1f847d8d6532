using System.CommandLine;
using ConvSpec.Grading.Grade;
using ConvSpec.Grading.Grade.Shards;

namespace ConvSpec.Cli.Instructor;

/// <summary>`convspec grade merge --out DIR SHARD_OUT...`: the reports of one run, from the outputs of `grade --shard I/N` for every I.</summary>
internal static class GradeMergeCommand
{
    public static Command Create()
    {
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Folder for the class's reports, as one run writes them.", Required = true };
        var shards = new Argument<DirectoryInfo[]>("SHARD_OUT") { Description = "The --out folder of each `grade --shard I/N`, I = 1..N.", Arity = ArgumentArity.OneOrMore };
        var roster = new Option<FileInfo>("--roster") { Description = "The class list, as `grade --roster` takes it; a roster belongs to the whole class, so it is given here and not to the shards." };
        var command = new Command("merge", "Join the outputs of `convspec grade --shard I/N` (every I from 1 to N) into the reports one run over the whole class writes. Refuses, writing nothing, shards that overlap, miss one, or were graded with different suites or settings.\n\nExample:\n  convspec grade merge --out grades shard-1 shard-2 shard-3")
        {
            outOption, shards, roster,
        };
        command.SetAction(parse =>
        {
            try
            {
                var merged = ShardMerge.Merge(parse.GetValue(outOption)!.FullName, [.. parse.GetValue(shards)!.Select(d => d.FullName)], parse.GetValue(roster)?.FullName);
                Console.WriteLine($"grade merge: {merged.Students.Count} student(s) from {merged.Shards} shard(s) written into {parse.GetValue(outOption)!.FullName}.");
                return 0;
            }
            catch (Exception e) when (e is ShardMergeException or InvalidDataException or IOException)
            {
                Console.Error.WriteLine("grade merge: " + e.Message);
                return CommandLineRunner.UsageOrInputError;
            }
        });
        return command;
    }
}
