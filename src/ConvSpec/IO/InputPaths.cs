namespace ConvSpec.IO;

/// <summary>Checks an input path before it is opened, so each wrong kind of path gets its own message.</summary>
public static class InputPaths
{
    /// <summary>
    /// Refuses a missing path, a folder, and a device, FIFO or socket (reading one could block or never
    /// end); <paramref name="expected"/> says what was wanted ("an image file"). A link is followed.
    /// </summary>
    public static void RequireFile(string path, string expected)
    {
        ArgumentNullException.ThrowIfNull(path);
        string resolved = PathKinds.Of(path) == PathKind.SymbolicLink
            ? new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path
            : path;
        switch (PathKinds.Of(resolved))
        {
            case PathKind.Missing:
            case PathKind.SymbolicLink:
                throw new ConvSpecInputException(path, "no such file.");
            case PathKind.Directory:
                throw new ConvSpecInputException(path, $"is a folder; {expected} is expected.");
            case PathKind.Special:
                throw new ConvSpecInputException(path, $"is a device, FIFO or socket; {expected} is expected.");
        }
    }
}
