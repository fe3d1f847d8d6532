namespace ConvSpec.Tests.Unit.BadInputs;

/// <summary>
/// One row of the bad-input corpus: files to lay out in a fresh folder, the `convspec` arguments, and
/// what must come back: <see cref="ExitCode"/>, exactly one stderr line matching <see cref="Message"/>
/// (FluentAssertions wildcards), and every file in the folder as it was, with nothing added.
/// </summary>
/// <param name="Name">The case as the corpus table names it.</param>
/// <param name="Arrange">Lays out the input files in the given folder.</param>
/// <param name="Args">The arguments; "{camera}" stands for the repository's camera.png.</param>
/// <param name="AsNobody">Run as the unprivileged user nobody (uid 65534), for permission cases that root would pass.</param>
public sealed record BadInputCase(string Name, Action<string> Arrange, string[] Args, int ExitCode, string Message, bool AsNobody = false)
{
    public static BadInputCase Of(string name, string[] args, string message, Action<string>? arrange = null) =>
        new(name, arrange ?? (_ => { }), args, 2, message);

    public static BadInputCase OfNobody(string name, string[] args, string message, Action<string>? arrange = null) =>
        new(name, arrange ?? (_ => { }), args, 2, message, AsNobody: true);

    public override string ToString() => Name;
}
