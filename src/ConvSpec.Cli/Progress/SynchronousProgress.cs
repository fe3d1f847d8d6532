namespace ConvSpec.Cli.Progress;

/// <summary>An IProgress that reports on the caller's thread at once (Progress&lt;T&gt; posts to the thread pool).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
