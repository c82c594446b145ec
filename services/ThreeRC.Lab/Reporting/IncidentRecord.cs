using ThreeRC.Lab.Simulation;

namespace ThreeRC.Lab.Reporting;

/// <summary>One injected crash and what became of it.</summary>
/// <param name="Target">The VM or physical host that crashed.</param>
/// <param name="Kind">What was injected.</param>
/// <param name="CrashedAt">When.</param>
/// <param name="RecoveredAt">When the last VM it affected reported to Ganglia again; null while it has not.</param>
public sealed record IncidentRecord(string Target, CrashKind Kind, DateTimeOffset CrashedAt, DateTimeOffset? RecoveredAt)
{
    public TimeSpan? TimeToRecover => RecoveredAt - CrashedAt;

    /// <summary>The paper's split: a destructive crash needs a reinstall, the others do not.</summary>
    public bool Destructive => Kind == CrashKind.Destructive;
}
