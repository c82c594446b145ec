using Google.Protobuf.WellKnownTypes;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Recovery;
using V1 = ThreeRC.Api.V1;

namespace ThreeRC.Api.Grpc.Mapping;

public static class RecoveryMapping
{
    /// <summary>The incident without its timeline.</summary>
    public static V1.Recovery ToProto(this RecoveryRecord record) => new()
    {
        Id = record.Id.ToString(),
        VmName = record.VmName,
        State = record.Outcome switch
        {
            null => V1.RecoveryState.Open,
            RecoveryOutcome.Recovered => V1.RecoveryState.Recovered,
            RecoveryOutcome.Failed => V1.RecoveryState.Failed,
            _ => V1.RecoveryState.Cancelled,
        },
        StartLevel = record.StartLevel.ToProto(),
        Trigger = record.Trigger ?? "",
        LastHeardAt = record.LastHeardAt.ToTimestamp(),
        StartedAt = record.StartedAt.ToTimestamp(),
        CompletedAt = record.CompletedAt.ToTimestamp(),
        TimeToRecover = record.TimeToRecoverMs is { } ms ? Duration.FromTimeSpan(TimeSpan.FromMilliseconds(ms)) : null,
        Reason = record.Reason ?? "",
        CurrentStep = record.CurrentStep.ToProto(),
    };

    public static V1.RecoveryStep ToProto(this RecoveryStepRecord step) => new()
    {
        Step = ((RecoveryStep?)step.Step).ToProto(),
        HostName = step.HostName ?? "",
        Detail = step.Detail,
        StartedAt = step.StartedAt.ToTimestamp(),
        EndedAt = step.EndedAt.ToTimestamp(),
    };

    public static V1.TimelineEvent ToProto(this TimelineEntry entry) => new()
    {
        OccurredAt = entry.OccurredAt.ToTimestamp(),
        Kind = entry.Kind,
        HostName = entry.HostName ?? "",
        Summary = entry.Summary,
    };

    public static V1.RecoveryLevel ToProto(this RecoveryLevel? level) => level switch
    {
        RecoveryLevel.Reboot => V1.RecoveryLevel.Reboot,
        RecoveryLevel.Restart => V1.RecoveryLevel.Restart,
        RecoveryLevel.Reinstall => V1.RecoveryLevel.Reinstall,
        _ => V1.RecoveryLevel.Unspecified,
    };

    public static RecoveryLevel? FromProto(this V1.RecoveryLevel level) => level switch
    {
        V1.RecoveryLevel.Reboot => RecoveryLevel.Reboot,
        V1.RecoveryLevel.Restart => RecoveryLevel.Restart,
        V1.RecoveryLevel.Reinstall => RecoveryLevel.Reinstall,
        _ => null,
    };

    public static V1.RecoveryStepKind ToProto(this RecoveryStep? step) => step switch
    {
        RecoveryStep.Queued => V1.RecoveryStepKind.Queued,
        RecoveryStep.Reboot => V1.RecoveryStepKind.Reboot,
        RecoveryStep.Placement => V1.RecoveryStepKind.Placement,
        RecoveryStep.AwaitingCapacity => V1.RecoveryStepKind.AwaitingCapacity,
        RecoveryStep.Fencing => V1.RecoveryStepKind.Fencing,
        RecoveryStep.Restart => V1.RecoveryStepKind.Restart,
        RecoveryStep.Reinstall => V1.RecoveryStepKind.Reinstall,
        _ => V1.RecoveryStepKind.Unspecified,
    };
}
