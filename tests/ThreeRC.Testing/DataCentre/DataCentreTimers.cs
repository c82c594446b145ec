namespace ThreeRC.Testing.DataCentre;

/// <summary>
/// The escalation timers and detection settings written into the data centre's inventory. Without
/// <see cref="ConfirmWithProbe"/> a physical host is declared down on Ganglia's silence alone, as when the monitor has
/// lost its network and its probe fails too (the emulation cannot cut the monitor's own connections).
/// </summary>
public sealed record DataCentreTimers(TimeSpan RebootWait, TimeSpan RestartWait, TimeSpan InstallBudget, TimeSpan DetectAfter, bool ConfirmWithProbe = true)
{
    /// <summary>Short enough for a test, long enough for a boot (1 s) and an install (3 s) on a busy machine.</summary>
    public static DataCentreTimers ForTests { get; } = new(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5));
}
