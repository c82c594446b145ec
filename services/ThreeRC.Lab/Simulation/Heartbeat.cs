namespace ThreeRC.Lab.Simulation;

/// <summary>
/// A machine's Ganglia heartbeats, computed rather than ticked: while it reports, it was last heard at the latest
/// whole heartbeat interval since it started reporting; once silent, that moment is frozen.
/// </summary>
public sealed class Heartbeat(TimeSpan interval)
{
    private DateTimeOffset _since;
    private DateTimeOffset? _silentSince;

    public bool Reporting => _silentSince is null;

    public void Start(DateTimeOffset at)
    {
        _since = at;
        _silentSince = null;
    }

    public void Stop(DateTimeOffset at)
    {
        if (_silentSince is null) _silentSince = at;
    }

    public DateTimeOffset LastHeard(DateTimeOffset now)
    {
        var until = _silentSince ?? now;
        var beats = Math.Max(0, (until - _since).Ticks / interval.Ticks);
        return _since + TimeSpan.FromTicks(beats * interval.Ticks);
    }
}
