namespace ThreeRC.Testing.DataCentre;

/// <summary>The escalation timers and detection limit written into the data centre's inventory.</summary>
public sealed record DataCentreTimers(TimeSpan RebootWait, TimeSpan RestartWait, TimeSpan InstallBudget, TimeSpan DetectAfter)
{
    /// <summary>Short enough for a test, long enough for a boot (1 s) and an install (3 s) on a busy machine.</summary>
    public static DataCentreTimers ForTests { get; } = new(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5));
}
