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

    /// <summary>When the VM of a failed incident first reported again.</summary>
    public DateTimeOffset? ReportedAgainAt { get; init; }

    public bool IsOpen => CompletedAt is null;

    /// <summary>When the VM went down: its last report before the incident, or the incident's start when unknown.</summary>
    public DateTimeOffset DownSince => LastHeardAt ?? StartedAt;

    /// <summary>From the VM's last heartbeat to the end of its recovery; null unless it was recovered.</summary>
    public TimeSpan? TimeToRecover => Outcome == RecoveryOutcome.Recovered && CompletedAt is { } end ? end - DownSince : null;

    /// <summary>Whether the recovery went as far as reinstalling the VM (the paper's destructive crashes).</summary>
    public bool Reinstalled => CurrentStep == RecoveryStep.Reinstall;

    /// <summary>When the VM came back: the incident's end, but for a failed one its next report; null while down.</summary>
    public DateTimeOffset? DownUntil => Outcome == RecoveryOutcome.Failed ? ReportedAgainAt : CompletedAt;
}
