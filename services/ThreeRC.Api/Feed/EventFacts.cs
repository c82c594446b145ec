using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Api.Feed;

/// <summary>What an event says, in the terms the watch stream and the incident timeline use.</summary>
/// <param name="OccurredAt">When it happened, according to its publisher.</param>
/// <param name="Summary">What happened, in words.</param>
/// <param name="VmName">The VM it is about, if any.</param>
/// <param name="HostName">The physical host it is about, if any.</param>
/// <param name="RecoveryId">The incident it belongs to, if any.</param>
public sealed record EventFacts(
    DateTimeOffset OccurredAt,
    string Summary,
    string? VmName = null,
    string? HostName = null,
    Guid? RecoveryId = null)
{
    /// <summary>Facts about a monitored name: a VM or a physical host, as its kind says.</summary>
    public static EventFacts About(HostKind kind, string name, DateTimeOffset occurredAt, string summary) =>
        kind == HostKind.Virtual ? new(occurredAt, summary, VmName: name) : new(occurredAt, summary, HostName: name);
}
