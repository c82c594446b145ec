using ThreeRC.Lab.Reporting;
using ThreeRC.Lab.Simulation;

namespace ThreeRC.Benchmarks.Campaign;

/// <summary>
/// What became of one VM after a fault: when the monitor declared it (or its host) unresponsive, when the
/// orchestrator opened its incident, when the first command ran on a host or guest (the look-alike scripts stamp
/// their own start), and when the VM's first heartbeat came back; how many incidents it opened (one, if all is well)
/// and whether its incident reinstalled it.
/// </summary>
internal sealed record FaultOutcome(
    string Vm, CrashKind Kind, DateTimeOffset InjectedAt, DateTimeOffset? DeclaredAt, DateTimeOffset? OpenedAt, DateTimeOffset? FirstCommandAt,
    DateTimeOffset? RecoveredAt, string? Failure, int Incidents = 1, bool Reinstalled = false)
{
    /// <summary>A reinstall after a fault that left the VM's /boot intact: one that nobody wanted.</summary>
    public bool ReinstalledNeedlessly => Reinstalled && Kind != CrashKind.Destructive;

    /// <summary>Fault → HostUnresponsive.</summary>
    public TimeSpan? Detection => DeclaredAt - InjectedAt;

    /// <summary>HostUnresponsive → the incident opened in the orchestrator.</summary>
    public TimeSpan? ToIncident => OpenedAt - DeclaredAt;

    /// <summary>The controller overhead: HostUnresponsive → the first command starts on the guest or a host.</summary>
    public TimeSpan? Overhead => FirstCommandAt - DeclaredAt;

    public IncidentRecord Record => new(Vm, Kind, InjectedAt, RecoveredAt);
}
