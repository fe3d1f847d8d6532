using FluentAssertions;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Setup;

/// <summary>Every other spec that touches TorchSharp fails if this one does; its message says why.</summary>
public class TorchSharpLoadsSpecs
{
    [Fact]
    [Specifies("Rule: TorchSharp loads with no manual step")]
    public void Conv2d_runs_on_a_tensor()
    {
        Tensor result;
        try
        {
            using var image = ones(1, 1, 4, 5);
            using var kernel = ones(1, 1, 3, 3);
            result = nn.functional.conv2d(image, kernel);
        }
        catch (TypeInitializationException e)
        {
            throw new InvalidOperationException(
                "TorchSharp's native library did not load. On Debian 12 and other systems whose libstdc++ lacks " +
                "GLIBCXX_3.4.32 the build marks that requirement weak in its output copy (build/TorchSharpNativeFix.targets); " +
                "run `dotnet build` again and look for the 'ConvSpec: marked GLIBCXX_3.4.32 weak' line, or see README.md.", e);
        }

        using (result)
        {
            result.shape.Should().Equal(new long[] { 1, 1, 2, 3 }, "a 3×3 kernel over a 4×5 image leaves 2×3 valid positions");
            result.data<float>().ToArray().Should().AllBeEquivalentTo(9f, "each output sums nine ones");
        }
    }
}
