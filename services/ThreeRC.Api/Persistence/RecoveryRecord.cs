using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Persistence;

/// <summary>An incident as the read model holds it; the fields its events have not told yet are null.</summary>
public sealed record RecoveryRecord
{
    public Guid Id { get; init; }

    public string VmName { get; init; } = "";

    public RecoveryLevel? StartLevel { get; init; }

    public string? Trigger { get; init; }

    public DateTimeOffset? LastHeardAt { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public RecoveryOutcome? Outcome { get; init; }

    public string? Reason { get; init; }

    public long? TimeToRecoverMs { get; init; }

    public RecoveryStep? CurrentStep { get; init; }

    public bool IsOpen => CompletedAt is null;

    /// <summary>When the VM went down: its last report before the incident, or the incident's start when unknown.</summary>
    public DateTimeOffset DownSince => LastHeardAt ?? StartedAt;
}
