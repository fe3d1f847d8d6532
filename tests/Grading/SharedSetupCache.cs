[assembly: AssemblyFixture(typeof(ConvSpec.Tests.Grading.SharedSetupCache))]

namespace ConvSpec.Tests.Grading;

/// <summary>
/// The setup cache (`grade --setup-cache`) that this spec run's grading runs share: the first run that needs the
/// pristine suite builds it there, the others wait for it and use it, as an instructor's runs would. Made in a temporary
/// folder of its own and removed when the specs end. Runs that must build for themselves (shard 1 of
/// <see cref="ShardedClass"/>, whose merged reports must equal the single run's) do not pass it.
/// </summary>
public sealed class SharedSetupCache : IDisposable
{
    private static readonly TempFolder Folder = new("convspec-setup-cache-");

    /// <summary>The cache folder, which does not exist until the first run makes it (mode 0700).</summary>
    public static string Path { get; } = Folder.PathOf("cache");

    /// <summary>The arguments that give a grading run the shared cache.</summary>
    public static string[] Arguments => ["--setup-cache", Path];

    public void Dispose() => Folder.Dispose();
}
