using System.Runtime.Versioning;

namespace ConvSpec.Tests.Grading;

/// <summary>
/// `grade --setup-cache DIR`: runs of one suite build the pristine suite once, into the cache, and the others use it; a run
/// that used it grades as one that built for itself (ShardSpecs compares their merged reports byte for byte).
/// </summary>
[Trait("Category", "Grading")]
[Collection(ShardedClass.Collection)]
[SupportedOSPlatform("linux")]
public class SetupCacheReuseSpecs(ShardedClass graded)
{
    [Fact]
    [Specifies(SetupCacheSpecs.Rule)]
    public void Runs_given_the_cache_build_nothing_once_it_is_built_and_grade_as_a_run_that_built_for_itself()
    {
        graded.ShardRuns[0].Stdout.Should().Contain("building the pristine suite's graded specs").And.NotContain("setup cache", "shard 1 is given no cache");
        foreach (int shard in new[] { 2, 3 })
        {
            graded.ShardRuns[shard - 1].Stdout.Should().Contain("using the pristine suite built earlier in the setup cache", "shard {0} runs after the single run, which left the build there", shard)
                .And.NotContain("building the pristine suite", "shard {0} builds nothing", shard);
        }
        // ShardSpecs compares the merge of these shards (one built, two from the cache) with the single run, byte for byte.
        File.GetUnixFileMode(SharedSetupCache.Path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            "the grader made the cache folder private");
        Directory.EnumerateDirectories(SharedSetupCache.Path).Should().ContainSingle("every run here grades the same suite with the same grader")
            .Which.Should().Match(entry => File.Exists(Path.Combine(entry, "complete.txt")));
    }

}
