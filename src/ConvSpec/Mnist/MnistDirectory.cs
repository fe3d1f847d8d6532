namespace ConvSpec.Mnist;

/// <summary>Where MNIST lives: an explicit directory, else $CONVSPEC_MNIST_DIR, else the user's cache.</summary>
public static class MnistDirectory
{
    public const string EnvironmentVariable = "CONVSPEC_MNIST_DIR";

    public static string Resolve(string? explicitDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return Path.GetFullPath(explicitDirectory);
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cache))
        {
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }
        return Path.Combine(cache, "convspec", "mnist");
    }
}
