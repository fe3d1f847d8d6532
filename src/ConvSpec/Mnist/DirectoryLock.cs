namespace ConvSpec.Mnist;

/// <summary>
/// An exclusive lock on a directory, held through a lock file opened with FileShare.None (an flock on
/// Unix): it excludes other processes and other threads of this one, and dies with the process.
/// </summary>
public sealed class DirectoryLock : IDisposable
{
    private readonly FileStream _stream;

    private DirectoryLock(FileStream stream) => _stream = stream;

    public static DirectoryLock Acquire(string directory, TimeSpan timeout)
    {
        var path = Path.Combine(directory, ".convspec.lock");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                Directory.CreateDirectory(directory);
                return new DirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (UnauthorizedAccessException)
            {
                throw new IOException($"{directory}: cannot write here (permission denied), and the files needed are not all there and verified.");
            }
            catch (IOException e) when (e.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase))
            {
                throw new IOException($"{directory}: cannot write here (read-only file system), and the files needed are not all there and verified.");
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
