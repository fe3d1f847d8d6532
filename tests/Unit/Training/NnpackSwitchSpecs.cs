using ConvSpec.Training;

namespace ConvSpec.Tests.Unit.Training;

public class NnpackSwitchSpecs
{
    // No [Specifies] yet: docs/derivations.md, "Rule: TorchSharp loads with no manual step", is to list this spec first.
    [Fact]
    public void The_nnpack_switch_reaches_libtorch()
    {
        bool before = NnpackSwitch.Enabled;
        try
        {
            NnpackSwitch.Enabled = false;
            NnpackSwitch.Enabled.Should().BeFalse("libtorch reads back the switch the test hosts and the CLI turn off on CPUs without AVX2 and FMA");
            NnpackSwitch.Enabled = true;
            NnpackSwitch.Enabled.Should().BeTrue("the switch goes both ways");
        }
        finally
        {
            NnpackSwitch.Enabled = before;
        }
    }
}
