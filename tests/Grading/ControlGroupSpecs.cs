using ConvSpec.Grading.Grade.Isolation;

namespace ConvSpec.Tests.Grading;

/// <summary>
/// The control group a submission's exercise host runs in accounts the CPU time its processes use, which is
/// what the per-call limit counts: computing spends it, waiting does not.
/// </summary>
public class ControlGroupSpecs
{
    private static ControlGroup CreateOrSkip(string name)
    {
        var group = ControlGroup.TryCreate($"convspec-spec-{name}-{Environment.ProcessId}", new ResourceLimits(), out string why);
        if (group?.CpuTime() is null)
        {
            group?.Dispose();
            Assert.Skip($"no control group that accounts CPU time can be made here: {why}");
        }
        return group;
    }

    [Fact]
    [Specifies("Rule: a call's limit is CPU time where a control group accounts it")]
    public void A_busy_loop_in_the_group_is_charged_the_cpu_time_it_used()
    {
        using var group = CreateOrSkip("busy");
        // A fixed amount of work, not a fixed time, so that the charge does not depend on how busy the machine is;
        // bash's `times` then reports the CPU time the shell itself counted.
        var command = group.Wrap(["/bin/bash", "-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done; times"]);

        var run = CliProcess.RunProgram(command[0], "/", TimeSpan.FromSeconds(60), [.. command.Skip(1)]);

        run.ExitCode.Should().Be(0, run.Output);
        TimeSpan counted = ShellTimes(run.Stdout);
        counted.Should().BeGreaterThan(TimeSpan.FromSeconds(0.1), "the loop does real work");
        group.CpuTime().Should().BeCloseTo(counted, TimeSpan.FromSeconds(0.2), "the group is charged what its processes used ({0} by bash's count)", counted);
    }

    /// <summary>User plus system time of the shell, the first line of bash's `times` ("0m0.987s 0m0.004s").</summary>
    private static TimeSpan ShellTimes(string output) =>
        output.Split('\n')[0].Split(' ').Select(part =>
        {
            string[] minutesSeconds = part.TrimEnd('s').Split('m');
            return TimeSpan.FromMinutes(int.Parse(minutesSeconds[0], System.Globalization.CultureInfo.InvariantCulture))
                + TimeSpan.FromSeconds(double.Parse(minutesSeconds[1], System.Globalization.CultureInfo.InvariantCulture));
        }).Aggregate(TimeSpan.Zero, (a, b) => a + b);

    [Fact]
    [Specifies("Rule: a call's limit is CPU time where a control group accounts it")]
    public void A_process_that_sleeps_in_the_group_is_charged_almost_nothing()
    {
        using var group = CreateOrSkip("sleep");
        var command = group.Wrap(["/bin/sleep", "1.5"]);

        var run = CliProcess.RunProgram(command[0], "/", TimeSpan.FromSeconds(30), [.. command.Skip(1)]);

        run.ExitCode.Should().Be(0, run.Output);
        group.CpuTime().Should().BeLessThan(TimeSpan.FromSeconds(0.5), "waiting spends no CPU time, which is why calls also have a wall-clock limit");
    }
}
