using ConvSpec.Training;

namespace ConvSpec.Tests.Unit.Training;

/// <summary>The malloc tuning is in force in any process that loads the library, the test host included.</summary>
[Specifies("Rule: glibc malloc keeps freed activation buffers")]
public sealed class MallocTuningSpecs
{
    [Fact]
    public void Glibc_accepted_the_settings_in_this_process()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6"), "the tuning applies to glibc on Linux only");

        MallocTuning.Apply().Should().BeTrue("mallopt must accept the mmap threshold (≤ 32 MiB) and the trim threshold");
        MallocTuning.Active.Should().BeTrue();
    }
}
