namespace ThreeRC.HypervisorExecutor.Commands;

/// <summary>
/// A program and its arguments for a remote shell. Every word is shell-quoted; the values in it were checked by
/// <see cref="SafeValue"/> before they got here.
/// </summary>
public sealed record RemoteCommand(string Program, IReadOnlyList<string> Arguments)
{
    public static RemoteCommand Of(string program, params string[] arguments) => new(program, arguments);

    /// <summary>A command that only reads state, so asking it again cannot change anything.</summary>
    public static RemoteCommand Query(string program, params string[] arguments) => new(program, arguments) { ReadsOnly = true };

    /// <summary>
    /// <c>true</c>, asked on a pooled login before it is relied on: a connection the machine dropped unnoticed is
    /// found dead and replaced by it.
    /// </summary>
    public static RemoteCommand Probe { get; } = Query("true");

    public bool ReadsOnly { get; init; }

    /// <summary>The command line the remote shell receives.</summary>
    public string Text => string.Join(' ', new[] { Program }.Concat(Arguments).Select(ShellQuote.Quote));

    public override string ToString() => Text;
}
