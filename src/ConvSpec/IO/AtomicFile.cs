namespace ConvSpec.IO;

/// <summary>Writes one file so that readers see either the old file or the complete new one (see <see cref="StagedOutputs"/>).</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> writeContent)
    {
        using var outputs = new StagedOutputs();
        outputs.Stage(path, writeContent);
        outputs.Commit();
    }

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, s => s.Write(bytes));
}
