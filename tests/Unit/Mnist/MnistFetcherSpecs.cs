using System.Security.Cryptography;
using ConvSpec.Mnist;

namespace ConvSpec.Tests.Unit.Mnist;

/// <summary>The downloader against a loopback server: only a verified file ever appears under its real name.</summary>
[Specifies("Rule: MNIST is fetched, verified and never left half-written")]
public sealed class MnistFetcherSpecs : IDisposable
{
    private static readonly byte[] Raw = IdxFiles.Labels([.. Enumerable.Range(0, 5000).Select(i => (byte)(i % 10))]);
    private static readonly byte[] Gzip = IdxFiles.Gzip(Raw);
#pragma warning disable CA5351 // md5 is what MNIST publishes
    private static readonly MnistFile Tiny = new("tiny-labels-idx1-ubyte",
        Convert.ToHexStringLower(MD5.HashData(Raw)), Convert.ToHexStringLower(MD5.HashData(Gzip)));
#pragma warning restore CA5351

    private readonly FetchRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private MnistFetcher Fetcher(IProgress<FetchProgress>? progress = null) =>
        new(_rig.Http, [_rig.Server.BaseAddress], useNpm: false, progress);

    private string[] FilesLeft() => Directory.GetFiles(_rig.Folder).Select(Path.GetFileName).Where(n => n != ".convspec.lock").ToArray()!;

    [Fact]
    public async Task A_good_file_is_decompressed_verified_and_kept_under_its_name()
    {
        _rig.Server.Serve("good/" + Tiny.GzipName, Gzip);

        await Fetcher().FetchGzipAsync(new Uri(_rig.Server.BaseAddress, "good/" + Tiny.GzipName), _rig.Folder, Tiny, TestContext.Current.CancellationToken);

        FilesLeft().Should().Equal([Tiny.Name], "only the decompressed file remains, no temporary files");
        File.ReadAllBytes(Path.Combine(_rig.Folder, Tiny.Name)).Should().Equal(Raw);
    }

    [Fact]
    public async Task A_corrupt_file_is_refused_and_leaves_nothing_behind()
    {
        var corrupt = (byte[])Gzip.Clone();
        corrupt[^12] ^= 0xFF;
        _rig.Server.Serve("bad/" + Tiny.GzipName, corrupt);

        var fetch = () => Fetcher().FetchGzipAsync(new Uri(_rig.Server.BaseAddress, "bad/" + Tiny.GzipName), _rig.Folder, Tiny, TestContext.Current.CancellationToken);

        await fetch.Should().ThrowAsync<InvalidDataException>().WithMessage($"*md5*does not match the expected {Tiny.GzipMd5}*");
        FilesLeft().Should().BeEmpty();
    }

    [Fact]
    public async Task A_truncated_download_is_refused_and_leaves_nothing_behind()
    {
        _rig.Server.Serve("cut/" + Tiny.GzipName, Gzip, truncate: true);

        var fetch = () => Fetcher().FetchGzipAsync(new Uri(_rig.Server.BaseAddress, "cut/" + Tiny.GzipName), _rig.Folder, Tiny, TestContext.Current.CancellationToken);

        (await fetch.Should().ThrowAsync<Exception>()).Which.Should().Match<Exception>(e => e is IOException || e is HttpRequestException);
        FilesLeft().Should().BeEmpty();
    }

    [Fact]
    public async Task Progress_is_reported_up_to_the_full_size()
    {
        _rig.Server.Serve(Tiny.GzipName, Gzip);
        var reports = new List<FetchProgress>();
        var progress = new SynchronousProgress(reports.Add);

        await Fetcher(progress).FetchGzipAsync(new Uri(_rig.Server.BaseAddress, Tiny.GzipName), _rig.Folder, Tiny, TestContext.Current.CancellationToken);

        reports.Should().NotBeEmpty();
        reports[^1].Should().Be(new FetchProgress(Tiny.GzipName, Gzip.Length, Gzip.Length));
    }

    [Fact]
    public async Task When_every_source_fails_the_error_lists_what_was_tried_and_nothing_is_left()
    {
        var ensure = () => Fetcher().EnsureAsync(_rig.Folder, TestContext.Current.CancellationToken);

        await ensure.Should().ThrowAsync<IOException>()
            .WithMessage($"*Could not obtain MNIST*{_rig.Server.BaseAddress}train-images-idx3-ubyte.gz*404*");
        FilesLeft().Should().BeEmpty();
    }

    [Fact]
    public void The_directory_lock_excludes_a_second_holder_until_released()
    {
        using (DirectoryLock.Acquire(_rig.Folder, TimeSpan.Zero))
        {
            var second = () => DirectoryLock.Acquire(_rig.Folder, TimeSpan.FromMilliseconds(300));
            second.Should().Throw<IOException>("a second fetch must wait while the first holds the lock");
        }

        using var afterRelease = DirectoryLock.Acquire(_rig.Folder, TimeSpan.Zero);
        afterRelease.Should().NotBeNull();
    }

    private sealed class SynchronousProgress(Action<FetchProgress> report) : IProgress<FetchProgress>
    {
        public void Report(FetchProgress value) => report(value);
    }
}
