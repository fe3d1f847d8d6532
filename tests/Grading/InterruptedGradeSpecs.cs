namespace ConvSpec.Tests.Grading;

/// <summary>Ctrl-C (SIGINT) during `convspec grade`: the run ends with 130, writes no report and removes its work area.</summary>
[Trait("Category", "Grading")]
public class InterruptedGradeSpecs
{
    [Fact]
    [Specifies("Rule: the output folder holds only reports")]
    public void An_interrupted_run_ends_with_130_writes_no_report_and_removes_its_work_area()
    {
        using var folder = new TempFolder("convspec-interrupted-");
        string temp = folder.PathOf("tmp"), outDir = folder.PathOf("out"), handIns = folder.PathOf("class");
        Directory.CreateDirectory(temp);
        Directory.CreateDirectory(Path.Combine(handIns, "stray_files"));
        File.WriteAllText(Path.Combine(handIns, "stray_files", "answers.txt"), "my answers are in the notebook");
        var run = EnvironmentProcess.Interrupt(new Dictionary<string, string> { ["TMPDIR"] = temp }, "building the pristine suite", TimeSpan.FromMinutes(3),
            ["grade", handIns, "--out", outDir, .. ShardedClass.Settings]);
        run.Should().NotBeNull("the run reaches the pristine build before it is interrupted");
        run!.ExitCode.Should().Be(130, run.Output);
        run.Stderr.Should().Contain("interrupted");
        Directory.EnumerateDirectories(temp, "convspec-grade-*").Should().BeEmpty("the interrupted run removed its work area");
        (Directory.Exists(outDir) ? Directory.EnumerateFileSystemEntries(outDir) : []).Should().BeEmpty("an interrupted run writes no report");
        // The killed build's own leftovers (its temporary files) may still be settling; the spec's folder goes when they have.
        Thread.Sleep(TimeSpan.FromSeconds(2));
    }
}
