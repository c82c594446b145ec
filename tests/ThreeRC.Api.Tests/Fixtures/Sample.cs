using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Tests.Fixtures;

/// <summary>Events as the other services publish them.</summary>
public static class Sample
{
    public const string Source = "127.0.0.1:8649";

    public static HostUnresponsive Down(string name, HostKind kind, DateTimeOffset detectedAt, DateTimeOffset? lastHeardAt = null) =>
        new(name, kind, $"{name}.example.org", lastHeardAt ?? detectedAt.AddSeconds(-90), detectedAt, Source, "TN 90 s > 4 x TMAX 20 s");

    public static HostResponsive Up(string name, HostKind kind, DateTimeOffset detectedAt) =>
        new(name, kind, $"{name}.example.org", detectedAt.AddSeconds(-5), detectedAt, Source);

    public static RecoveryStarted Started(Guid id, string vm, DateTimeOffset startedAt, DateTimeOffset? lastHeardAt = null) =>
        new(id, vm, RecoveryLevel.Reboot, $"{vm} stopped reporting", lastHeardAt, startedAt);

    public static RecoveryStepStarted Step(Guid id, string vm, RecoveryStep step, DateTimeOffset startedAt, string? host = null) =>
        new(id, vm, step, host, $"{step} of {vm}", startedAt);

    public static RecoveryCompleted Completed(
        Guid id, string vm, RecoveryOutcome outcome, DateTimeOffset? lastHeardAt, DateTimeOffset startedAt, DateTimeOffset completedAt,
        params RecoveryStepRecord[] steps) =>
        new(id, vm, outcome, $"{vm} {outcome}", lastHeardAt, startedAt, completedAt, completedAt - startedAt, steps);

    public static GuestRebootFailed RebootFailed(Guid id, string vm, DateTimeOffset at) =>
        new(id, vm, Guid.NewGuid(), "connection timed out", false, $"root@{vm}: reboot", at);
}
