namespace ThreeRC.HypervisorExecutor.Commands;

/// <summary>
/// The commands one action sent, in order, with what came back from each: their lines go into its result (never
/// with a secret), and they decide whether a failed action may have taken effect.
/// </summary>
public sealed class CommandLog
{
    private readonly List<(string Prefix, LoggedCommand Command)> _entries = [];

    /// <summary>Records a command about to be sent; its sender tells the returned entry what came back.</summary>
    public LoggedCommand Add(string line, bool changesState)
    {
        var command = new LoggedCommand(line, changesState);
        lock (_entries) _entries.Add(("", command));
        return command;
    }

    /// <summary>Adds the commands of <paramref name="other"/> (another request's run that this one waited for) with a prefix on their lines.</summary>
    public void Append(CommandLog other, string prefix)
    {
        var commands = other.Entries;
        lock (_entries) _entries.AddRange(commands.Select(entry => (prefix + entry.Prefix, entry.Command)));
    }

    public IReadOnlyList<string> Lines => Entries.Select(entry => entry.Prefix + entry.Command.Line).ToList();

    /// <summary>The lines of the commands that changed something or may have (<see cref="LoggedCommand.MayHaveActed"/>), with what came back.</summary>
    public IReadOnlyList<(string Line, CommandAnswer Answer)> Effects =>
        Entries.Where(entry => entry.Command.MayHaveActed).Select(entry => (entry.Prefix + entry.Command.Line, entry.Command.Answer)).ToList();

    private List<(string Prefix, LoggedCommand Command)> Entries
    {
        get { lock (_entries) return _entries.ToList(); }
    }
}
