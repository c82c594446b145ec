namespace ThreeRC.HypervisorExecutor.Commands;

/// <summary>
/// A program and its arguments for a remote shell. Every word is shell-quoted; the values in it were checked by
/// <see cref="SafeValue"/> before they got here.
/// </summary>
public sealed record RemoteCommand(string Program, IReadOnlyList<string> Arguments)
{
    public static RemoteCommand Of(string program, params string[] arguments) => new(program, arguments);

    /// <summary>The command line the remote shell receives.</summary>
    public string Text => string.Join(' ', new[] { Program }.Concat(Arguments).Select(ShellQuote.Quote));

    public override string ToString() => Text;
}
