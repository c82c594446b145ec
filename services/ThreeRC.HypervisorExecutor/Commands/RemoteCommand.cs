namespace ThreeRC.HypervisorExecutor.Commands;

/// <summary>
/// A program and its arguments for a remote shell, and the steps that follow it in the same round trip. Every word
/// is shell-quoted; the values in it were checked by <see cref="SafeValue"/> before they got here.
/// </summary>
public sealed record RemoteCommand(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>The exit status of a round trip whose step N (counted from 1, never the last) failed is this plus N.</summary>
    private const int StepFailedBase = 200;

    public static RemoteCommand Of(string program, params string[] arguments) => new(program, arguments);

    /// <summary>A command that only reads state, so asking it again cannot change anything.</summary>
    public static RemoteCommand Query(string program, params string[] arguments) => new(program, arguments) { ReadsOnly = true };

    /// <summary>
    /// <c>true</c>, asked on a pooled login before it is relied on: a connection the machine dropped unnoticed is
    /// found dead and replaced by it.
    /// </summary>
    public static RemoteCommand Probe { get; } = Query("true");

    /// <summary>This step only reads state (see <see cref="OnlyReads"/> for a round trip of several).</summary>
    public bool ReadsOnly { get; init; }

    /// <summary>The steps run after this one in the same round trip, each only when the one before it succeeded.</summary>
    public IReadOnlyList<RemoteCommand> Next { get; private init; } = [];

    /// <summary>This command and the ones after it, in order.</summary>
    public IReadOnlyList<RemoteCommand> Steps => [this with { Next = [] }, .. Next];

    /// <summary>No step can change anything, so sending it again cannot act twice.</summary>
    public bool OnlyReads => Steps.All(step => step.ReadsOnly);

    /// <summary>
    /// <paramref name="steps"/> as one command line: the shell runs each only when the one before succeeded, and a
    /// failed step ends the line with a status that names it (<see cref="FailedStep"/>).
    /// </summary>
    public static RemoteCommand RoundTrip(params RemoteCommand[] steps) => steps[0] with { Next = steps[1..] };

    /// <summary>The command line the remote shell receives.</summary>
    public string Text => Next.Count == 0
        ? Words
        : string.Join("; ", Steps.Select((step, index) => index < Next.Count ? $"{step.Words} || exit {StepFailedBase + index + 1}" : step.Words));

    /// <summary>The step (from 0) that refused, from the exit status of the whole line; null when every step succeeded or no status came back.</summary>
    public int? FailedStep(int? exitStatus) => exitStatus switch
    {
        null or 0 => null,
        var status when status > StepFailedBase && status <= StepFailedBase + Next.Count => status - StepFailedBase - 1,
        _ => Next.Count,
    };

    private string Words => string.Join(' ', new[] { Program }.Concat(Arguments).Select(ShellQuote.Quote));

    public override string ToString() => Text;
}
