using System.Text.Json;

namespace ConvSpec.Tests.Unit.Cli;

/// <summary>`convspec summary` as a student reads it and as a script parses it.</summary>
public sealed class SummaryCommandSpecs
{
    [Fact]
    [Specifies("Rule: model shapes")]
    public void Lenet_summary_prints_torchsummary_size_lines_and_says_which_LeNet_it_is()
    {
        CliResult result = CliProcess.Run(RepositoryFiles.Root, "summary", "--model", "lenet");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("Total params: 44,426")
            .And.MatchRegex(@"Input size \(MB\): \d+\.\d\d\n")
            .And.MatchRegex(@"Forward/backward pass size \(MB\): \d+\.\d\d\n")
            .And.MatchRegex(@"Params size \(MB\): 0\.17\n", "44,426 float32 parameters are 0.17 MB")
            .And.MatchRegex(@"Estimated Total Size \(MB\): \d+\.\d\d\n")
            .And.Contain("61,706", "the summary explains why d2l's LeNet-5 has more parameters");
    }

    [Fact]
    [Specifies("Rule: model shapes")]
    public void Json_summary_carries_the_counts_and_sizes_for_scripts()
    {
        CliResult result = CliProcess.Run(RepositoryFiles.Root, "summary", "--model", "labcnn", "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        root.GetProperty("total_params").GetInt64().Should().Be(93_322);
        root.GetProperty("layers").GetArrayLength().Should().Be(11);
        root.GetProperty("layers")[0].GetProperty("output_shape").EnumerateArray().Select(e => e.GetInt64()).Should().Equal(-1, 32, 26, 26);
        Math.Round(root.GetProperty("params_size_mb").GetDouble(), 2).Should().Be(0.36, "the notebook's torchsummary printed 0.36");
        Math.Round(root.GetProperty("estimated_total_size_mb").GetDouble(), 2).Should().Be(0.87, "the notebook's torchsummary printed 0.87");
    }

    [Theory]
    [InlineData("lab")]
    [InlineData("sobel")]
    [InlineData("conv")]
    [InlineData("conv-grad")]
    [InlineData("train")]
    [InlineData("summary")]
    [Specifies("Rule: the command line speaks as convspec")]
    public void Help_shows_an_example(string command)
    {
        CliResult result = CliProcess.Run(RepositoryFiles.Root, command, "--help");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().MatchRegex($@"Examples?:\s*\n\s+convspec {command} ", "each command's help ends its description with a runnable example");
    }
}
