using System.CommandLine;
using ConvSpec.Grading.Grade.Shards;

namespace ConvSpec.Cli.Instructor;

/// <summary>--shard I/N: grade only the I-th of N round-robin parts of the class (docs/grading.md, "Beyond one machine").</summary>
internal static class ShardOption
{
    public static Option<Shard?> Create() => new("--shard")
    {
        Description = "Grade only the I-th of N shards of the class (students dealt round-robin in name order), and write the records `grade merge` joins.",
        HelpName = "I/N",
        CustomParser = result =>
        {
            var shard = Shard.TryParse(result.Tokens.Single().Value, out string problem);
            if (shard is null) result.AddError(problem);
            return shard;
        },
    };
}
