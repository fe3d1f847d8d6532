using System.CommandLine;
using ConvSpec.Imaging;
using TorchSharp;

namespace ConvSpec.Cli.Commands;

/// <summary>Checks of option values that the parser cannot make, done before any work; each failure is one line naming the option.</summary>
internal static class OptionChecks
{
    public static Option<long> MaxPixels() => new("--max-pixels")
    {
        Description = $"Refuse images of more pixels than this, before decoding them (default {PixelLimit.Default:N0}, at most {PixelLimit.Ceiling:N0}).",
        DefaultValueFactory = _ => PixelLimit.Default,
    };

    public static int AtLeastOne(int value, string option, string what)
    {
        if (value < 1) throw new ArgumentException($"{option} {value}: {what} must be at least 1.");
        return value;
    }

    /// <summary>Refuses --device cuda where TorchSharp has no usable CUDA device (this repository builds the CPU backend).</summary>
    public static string Device(string device)
    {
        if (device == "cuda" && !torch.cuda.is_available())
            throw new ArgumentException("--device cuda: no CUDA device is usable in this build (TorchSharp's CPU backend, or no GPU); use --device cpu.");
        return device;
    }

    /// <summary>Refuses an option the user gave that does not apply to the way the command was called.</summary>
    public static void NotGiven(ParseResult parse, Option option, string reason)
    {
        if (CommandLineRunner.Given(parse, option) is not null)
            throw new ArgumentException($"{option.Name} does not apply {reason}.");
    }
}
