using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using ConvSpec.Grading.Grade.Isolation;

namespace ConvSpec.Tests.Grading;

/// <summary>
/// A class of sample submissions graded once by the real `convspec assign` and `convspec grade`, run as
/// processes: the samples of tests/Grading/Submissions, the untouched starter, a zip with hostile entries,
/// a flat and a wrapped zip of the solution, named pipes at a handed-in path and among the hand-ins, a hand-in
/// of stray files and a stray file; then a few of them once more from another folder into another output folder.
/// While grading runs, a listener on 127.0.0.1:47123 counts connections from submissions, and canaries (a file, an
/// environment variable of the grader's, a unix socket) wait for a submission to find them.
/// </summary>
public sealed class GradedClass : IAsyncLifetime
{
    public const int ListenerPort = 47123;

    /// <summary>Samples whose containment needs bubblewrap; without it they are left out, and their specs skip.</summary>
    public static readonly string[] NeedSandbox = ["fills_disk", "opens_network", "reads_others", "writes_results", "forges_results", "breaks_out", "probes_secrets"];

    /// <summary>The variable set in the grader's environment that no submission may read.</summary>
    public const string CanaryVariable = "CONVSPEC_CANARY_SECRET";

    /// <summary>The name of the canary file, written into the canary folder, the submissions folder and the output folder.</summary>
    public const string CanaryFileName = "convspec-canary-secret.txt";

    /// <summary>Samples whose containment needs a control group's memory limit; without one they are left out, and their specs skip.</summary>
    public static readonly string[] NeedControlGroup = ["memory_hog"];

    private static readonly string Run = Guid.NewGuid().ToString("N");

    private readonly string root = Path.Combine(Path.GetTempPath(), "convspec-grading-" + Run);

    /// <summary>
    /// A folder outside every grading folder, at a well-known place (/tmp/convspec-canary-*) where the samples
    /// breaks_out and probes_secrets look: it holds the canary file and a unix socket that answers with a secret,
    /// and a marker appears in it only if a submission escapes its sandbox.
    /// </summary>
    public string CanaryFolder { get; } = "/tmp/convspec-canary-" + Run;

    public string FileSecret { get; } = "canary-file-" + Run;

    public string EnvironmentSecret { get; } = "canary-environment-" + Run;

    public string SocketSecret { get; } = "canary-socket-" + Run;

    public int SocketConnections { get; private set; }

    /// <summary>Processes still running after grading whose command line names the compile bomb's workspace.</summary>
    public IReadOnlyList<string> LeftoverCompileBombProcesses { get; private set; } = [];

    public string Out => Path.Combine(root, "out");

    public string Log { get; private set; } = "";

    /// <summary>What the first run's `--json` printed on standard output: the class summary alone.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>What the second run, given <see cref="RosterFile"/>, printed on standard error.</summary>
    public string SecondLog { get; private set; } = "";

    public int Connections { get; private set; }

    public bool Sandboxed { get; } = File.Exists("/usr/bin/bwrap") || File.Exists("/bin/bwrap");

    public bool ControlGroups { get; } = ControlGroup.CanCreate(new(), out _);

    public bool CpuAccounted { get; } = ControlGroup.CanAccountCpu(new());

    public async ValueTask InitializeAsync()
    {
        string starter = Path.Combine(root, "starter");
        string submissions = Path.Combine(root, "submissions");
        Directory.CreateDirectory(submissions);
        Log += CliProcess.Run(SuitePaths.Root, TimeSpan.FromMinutes(2), "assign", "--out", starter, "--suite", SuitePaths.Root).EnsureSuccess("convspec assign").Output;

        string[] submit = [.. ConvSpec.Grading.Assign.SubmitList.Read(File.ReadAllText(Path.Combine(starter, "SUBMIT.txt")))];
        // "correct" hands in the suite's own solution; every other sample is that solution with the
        // sample's own files (the ones that make it what it is) laid over it.
        CopySolution(submit, Path.Combine(submissions, "correct"));
        foreach (var sample in new DirectoryInfo(SuitePaths.Samples).EnumerateDirectories())
        {
            if (!Sandboxed && NeedSandbox.Contains(sample.Name)) continue;
            if (!ControlGroups && NeedControlGroup.Contains(sample.Name)) continue;
            CopySolution(submit, Path.Combine(submissions, sample.Name));
            CopyFolder(sample.FullName, Path.Combine(submissions, sample.Name));
        }
        foreach (string path in submit)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(submissions, "starter", path))!);
            File.Copy(Path.Combine(starter, path), Path.Combine(submissions, "starter", path));
        }
        WriteHostileZip(Path.Combine(submissions, "zipped.zip"), submit);
        File.WriteAllText(Path.Combine(submissions, "notes.txt"), "not a submission");
        WriteSolutionZip(Path.Combine(submissions, "flat_zip.zip"), submit, path => Path.GetFileName(path));
        WriteSolutionZip(Path.Combine(submissions, "wrapped_zip.zip"), submit, path => "wrapped_zip/" + path);
        // Named pipes: git cannot hold one, so they are made here, in this fixture's own folder. Opening either would hang intake.
        CopySolution(submit, Path.Combine(submissions, "fifo_path"));
        string piped = Path.Combine(submissions, "fifo_path", submit.Single(p => p.EndsWith("/Sobel.cs", StringComparison.Ordinal)));
        File.Delete(piped);
        MakeFifo(piped);
        MakeFifo(Path.Combine(submissions, "pipe.zip"));
        Directory.CreateDirectory(Path.Combine(submissions, "stray_files"));
        File.WriteAllText(Path.Combine(submissions, "stray_files", "answers.txt"), "my answers are in the notebook");

        Directory.CreateDirectory(CanaryFolder);
        Directory.CreateDirectory(Out);
        foreach (string folder in new[] { CanaryFolder, submissions, Out }) File.WriteAllText(Path.Combine(folder, CanaryFileName), FileSecret);
        using var canarySocket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        canarySocket.Bind(new UnixDomainSocketEndPoint(Path.Combine(CanaryFolder, "canary.sock")));
        canarySocket.Listen(8);

        using var listener = new TcpListener(IPAddress.Loopback, ListenerPort);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var counting = CountConnectionsAsync(listener, stop.Token);
        var answering = AnswerCanarySocketAsync(canarySocket, stop.Token);
        Environment.SetEnvironmentVariable(CanaryVariable, EnvironmentSecret);
        try
        {
            var run = CliProcess.Run(SuitePaths.Root, TimeSpan.FromMinutes(15), ["grade", submissions, "--out", Out, "--timeout", "5", "--parallel", "2",
                "--sandbox", Sandboxed ? "bwrap" : "none", "--html", "--json", "--suite", SuitePaths.Root, .. SharedSetupCache.Arguments]).EnsureSuccess("convspec grade");
            Log += run.Output;
            Summary = run.Stdout;
        }
        finally
        {
            Environment.SetEnvironmentVariable(CanaryVariable, null);
        }
        LeftoverCompileBombProcesses = ProcessesNaming("/students/compile_bomb/");
        await stop.CancelAsync();
        Connections = await counting;
        SocketConnections = await answering;

        // The same hand-ins of a few students again, from another folder into another output folder, one at a time.
        string again = Path.Combine(root, "elsewhere", "class-copy");
        foreach (string student in RegradedStudents) CopyFolder(Path.Combine(submissions, student), Path.Combine(again, student));
        // With a roster that lists two of them and a student who handed nothing in, and leaves the third out.
        Directory.CreateDirectory(Path.GetDirectoryName(RosterFile)!);
        File.WriteAllText(RosterFile, "Folder,Student ID,Email,Name\nfence_injection,S-1001,fence@uni.example,\"Injection, Fen\"\n"
            + "off_by_one_bounds,S-1002,obo@uni.example,Bounds Obo\nabsent_student,S-1003,absent@uni.example,Absent Stu\n");
        var second = CliProcess.Run(SuitePaths.Root, TimeSpan.FromMinutes(10), ["grade", again, "--out", SecondOut, "--timeout", "5", "--parallel", "1",
            "--sandbox", Sandboxed ? "bwrap" : "none", "--roster", RosterFile, "--html", "--suite", SuitePaths.Root, .. SharedSetupCache.Arguments])
            .EnsureSuccess("convspec grade (second run)");
        Log += second.Output;
        SecondLog = second.Output;
    }

    private async Task<int> AnswerCanarySocketAsync(Socket socket, CancellationToken stop)
    {
        int count = 0;
        try
        {
            while (true)
            {
                using var client = await socket.AcceptAsync(stop);
                count++;
                await client.SendAsync(System.Text.Encoding.UTF8.GetBytes(SocketSecret), stop);
            }
        }
        catch (OperationCanceledException)
        {
            return count;
        }
    }

    /// <summary>The command lines of running processes that contain <paramref name="text"/>, read from /proc.</summary>
    private static List<string> ProcessesNaming(string text)
    {
        var found = new List<string>();
        foreach (string folder in Directory.EnumerateDirectories("/proc").Where(f => Path.GetFileName(f).All(char.IsAsciiDigit)))
        {
            try
            {
                string commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal)) found.Add($"{Path.GetFileName(folder)}: {commandLine}");
            }
            catch (IOException)
            {
                // It ended meanwhile.
            }
        }
        return found;
    }

    /// <summary>Students graded a second time, from another submissions folder into <see cref="SecondOut"/>: their reports must not change.</summary>
    public static readonly string[] RegradedStudents = ["fence_injection", "off_by_one_bounds", "stack_overflow"];

    /// <summary>The roster of the second run: fence_injection, off_by_one_bounds and absent_student, who handed nothing in.</summary>
    public string RosterFile => Path.Combine(root, "elsewhere", "roster.csv");

    /// <summary>The output folder of the second run, at another path and depth than <see cref="Out"/>.</summary>
    public string SecondOut => Path.Combine(root, "elsewhere", "deeper", "grades-again");

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        if (Directory.Exists(CanaryFolder)) Directory.Delete(CanaryFolder, recursive: true);
        return ValueTask.CompletedTask;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Out, relative));

    private static async Task<int> CountConnectionsAsync(TcpListener listener, CancellationToken stop)
    {
        int count = 0;
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(stop);
                count++;
            }
        }
        catch (OperationCanceledException)
        {
            return count;
        }
    }

    /// <summary>The correct solution, except: Sobel.cs padded past the size limit, plus entries escaping the folder, an absolute path and a symlink.</summary>
    private static void WriteHostileZip(string zipPath, string[] submit)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (string path in submit)
        {
            string text = File.ReadAllText(Path.Combine(SuitePaths.Root, path));
            if (path.EndsWith("Sobel.cs", StringComparison.Ordinal)) text += "\n// " + new string('x', 300 * 1024) + "\n";
            using var writer = new StreamWriter(zip.CreateEntry(path).Open());
            writer.Write(text);
        }
        foreach (string name in new[] { "../escaped.cs", "/etc/absolute.cs" })
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write("class Escaped {}");
        }
        var link = zip.CreateEntry("src/ConvSpec/Convolution/Link.cs");
        link.ExternalAttributes = unchecked((int)0xA1FF0000);
        using (var writer = new StreamWriter(link.Open())) writer.Write("/etc/passwd");
    }

    /// <summary>The solution's SUBMIT.txt files in a zip, each at the name <paramref name="entryName"/> gives it.</summary>
    private static void WriteSolutionZip(string zipPath, string[] submit, Func<string, string> entryName)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (string path in submit) zip.CreateEntryFromFile(Path.Combine(SuitePaths.Root, path), entryName(path));
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0) throw new InvalidOperationException($"mkfifo {path} failed with exit code {mkfifo.ExitCode}");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static void CopySolution(string[] submitPaths, string to)
    {
        foreach (string path in submitPaths)
        {
            string target = Path.Combine(to, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(SuitePaths.Root, path), target);
        }
    }
}
