using ConvSpec.Mnist;

namespace ConvSpec.Tests.Unit.Mnist;

[Specifies("Rule: MNIST is fetched, verified and never left half-written")]
public sealed class MnistDirectorySpecs
{
    [Fact]
    public void An_explicit_directory_wins()
    {
        MnistDirectory.Resolve("/tmp/somewhere/mnist").Should().Be("/tmp/somewhere/mnist");
    }

    [Fact]
    public void Without_one_it_is_the_environment_variable_or_under_a_cache_directory()
    {
        var resolved = MnistDirectory.Resolve();

        var fromEnvironment = Environment.GetEnvironmentVariable(MnistDirectory.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(fromEnvironment))
        {
            resolved.Should().EndWith(Path.Combine("convspec", "mnist"));
        }
        else
        {
            resolved.Should().Be(Path.GetFullPath(fromEnvironment));
        }
    }
}
