using ThreeRC.Node.Lab.Reporting;
using ThreeRC.Node.Lab.Simulation;

namespace ThreeRC.Benchmarks.Campaign;

/// <summary>
/// What became of one VM after a fault: when the controller opened its incident, when the first command ran on a
/// host or guest (the look-alike scripts stamp their own start), and when the VM's first heartbeat came back.
/// </summary>
internal sealed record FaultOutcome(
    string Vm, CrashKind Kind, DateTimeOffset InjectedAt, DateTimeOffset? OpenedAt, DateTimeOffset? FirstCommandAt, DateTimeOffset? RecoveredAt, string? Failure)
{
    public TimeSpan? Detection => OpenedAt - InjectedAt;

    public TimeSpan? Overhead => FirstCommandAt - OpenedAt;

    public IncidentRecord Record => new(Vm, Kind, InjectedAt, RecoveredAt);
}
