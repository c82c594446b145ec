namespace ThreeRC.HypervisorExecutor.Commands;

/// <summary>The command lines one action ran, in order, as they go into its result (never with a secret).</summary>
public sealed class CommandLog
{
    private readonly List<string> _lines = [];

    public void Add(string line)
    {
        lock (_lines) _lines.Add(line);
    }

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return _lines.ToList(); }
    }
}
