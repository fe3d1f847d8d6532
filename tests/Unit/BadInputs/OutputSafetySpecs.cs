using ConvSpec.Arrays;

namespace ConvSpec.Tests.Unit.BadInputs;

/// <summary>What an accepted output path gets: a regular file replaced whole, with its permissions; never a device node.</summary>
public sealed class OutputSafetySpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("convspec-out-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private void WriteOperands()
    {
        Npy.Write(PathOf("x.npy"), new float[,] { { 1, 2 }, { 3, 4 } });
        Npy.Write(PathOf("k.npy"), new float[,] { { 1 } });
    }

    [Fact]
    [Specifies("Rule: nothing is lost or half-written")]
    public void Replacing_an_earlier_output_keeps_its_permissions()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Unix permissions");
        if (!OperatingSystem.IsLinux()) return;
        WriteOperands();
        File.WriteAllText(PathOf("y.npy"), "an earlier result");
        File.SetUnixFileMode(PathOf("y.npy"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        CliResult result = CliProcess.Run(_directory, "conv", "x.npy", "k.npy", "--npy", "y.npy");

        result.ExitCode.Should().Be(0, result.Stderr);
        Npy.Read(PathOf("y.npy")).Float32.Should().BeEquivalentTo(new float[,] { { 1, 2 }, { 3, 4 } });
        File.GetUnixFileMode(PathOf("y.npy")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "600 stays 600");
        Directory.GetFileSystemEntries(_directory, ".*").Should().BeEmpty("no temporary file is left");
    }

    [Fact]
    [Specifies("Rule: nothing is lost or half-written")]
    public void A_device_node_at_the_output_path_is_refused_and_stays_a_device()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "device nodes as Linux has them");
        WriteOperands();
        // A null device of our own, inside the spec's folder: making one needs root (mknod), otherwise the spec is skipped.
        string node = PathOf("null-device");
        CliResult mknod = CliProcess.RunProgram("mknod", _directory, TimeSpan.FromSeconds(10), node, "c", "1", "3");
        Assert.SkipWhen(mknod.ExitCode != 0, $"mknod needs root here: {mknod.Stderr.Trim()}");

        CliResult result = CliProcess.Run(_directory, "conv", "x.npy", "k.npy", "--npy", "null-device");

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().Be("convspec: null-device: is a device, FIFO or socket, not a regular file; ConvSpec will not replace it.");
        IO.PathKinds.Of(node).Should().Be(IO.PathKind.Special, "the node is still a device");
    }

    [Fact]
    [Specifies("Rule: nothing is lost or half-written")]
    public void A_temporary_file_a_killed_run_left_is_removed_once_stale_and_a_fresh_one_is_kept()
    {
        WriteOperands();
        string stale = PathOf($".y.npy.{Guid.NewGuid():N}{IO.StagedOutputs.TemporarySuffix}");
        string fresh = PathOf($".y.npy.{Guid.NewGuid():N}{IO.StagedOutputs.TemporarySuffix}");
        string lookAlike = PathOf(".y.npy.notes.convspec-tmp");
        foreach (string path in new[] { stale, fresh, lookAlike }) File.WriteAllText(path, "left behind");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - IO.StagedOutputs.StaleAfter - TimeSpan.FromMinutes(1));
        File.SetLastWriteTimeUtc(lookAlike, DateTime.UtcNow - IO.StagedOutputs.StaleAfter - TimeSpan.FromMinutes(1));

        CliResult run = CliProcess.Run(_directory, "conv", "x.npy", "k.npy", "--npy", "y.npy");
        run.ExitCode.Should().Be(0, "stderr: {0}", run.Stderr);

        File.Exists(stale).Should().BeFalse("a write to y.npy removes its own stale temporary files");
        File.Exists(fresh).Should().BeTrue("a recent one may belong to a run still writing");
        File.Exists(lookAlike).Should().BeTrue("only names ConvSpec gives are removed");
    }

    [Fact]
    [Specifies("Rule: the command line speaks as convspec")]
    public void Help_names_the_program_convspec()
    {
        CliResult help = CliProcess.Run(_directory, "--help");
        CliResult sobelHelp = CliProcess.Run(_directory, "sobel", "--help");

        help.Stdout.Should().Contain("convspec [command] [options]").And.NotContain("ConvSpec.Cli");
        sobelHelp.Stdout.Should().Contain("convspec sobel").And.Contain("--max-pixels").And.NotContain("ConvSpec.Cli");
    }
}
