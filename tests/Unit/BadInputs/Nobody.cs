namespace ConvSpec.Tests.Unit.BadInputs;

/// <summary>
/// Runs `convspec` as the unprivileged user nobody (uid and gid 65534) through util-linux's setpriv,
/// for the permission cases root would pass. Possible only when the specs run as root, setpriv exists,
/// and nobody can read the built program; otherwise those rows are skipped with the reason.
/// </summary>
public static class Nobody
{
    private const string Id = "65534";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Skips the calling spec where nobody cannot run the CLI; otherwise opens <paramref name="directory"/> to nobody.</summary>
    public static void SkipUnlessAvailable(string directory)
    {
        Assert.SkipWhen(Unavailable.Value is not null, Unavailable.Value ?? "");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(directory, File.GetUnixFileMode(directory) | UnixFileMode.OtherRead | UnixFileMode.OtherExecute | UnixFileMode.OtherWrite);
    }

    public static CliResult RunCli(string workingDirectory, params string[] args) =>
        CliProcess.RunProgram("setpriv", workingDirectory, TimeSpan.FromMinutes(1),
            [$"--reuid={Id}", $"--regid={Id}", "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp", "DOTNET_NOLOGO=1", "dotnet", CliProcess.DllPath, .. args]);

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "setpriv and uids are Linux's";
        if (Environment.UserName != "root") return "only root can switch to the user nobody";
        try
        {
            CliResult help = RunCli(Path.GetTempPath(), "--help");
            return help.ExitCode == 0 ? null : $"nobody cannot run the CLI here: {help.Stderr.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"setpriv is not available: {e.Message}";
        }
    }
}
