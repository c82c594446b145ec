using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>The incident's timeline, deadline and the hosts that may run the VM, kept on the instance.</summary>
internal static class RecoveryStateExtensions
{
    public static void SetDeadline(this RecoveryState saga, DateTimeOffset at)
    {
        saga.DeadlineAt = at;
        saga.DeadlineToken = Guid.NewGuid();
    }

    public static void ClearDeadline(this RecoveryState saga)
    {
        saga.DeadlineAt = null;
        saga.DeadlineToken = null;
    }

    /// <summary>Closes the open step and opens <paramref name="step"/>.</summary>
    public static void BeginStep(this RecoveryState saga, RecoveryStep step, string? host, string detail, DateTimeOffset now)
    {
        saga.EndStep(now);
        saga.Steps.Add(new RecoveryStepRecord(step, host, detail, now, null));
    }

    /// <summary>Ends the open step, if one runs.</summary>
    public static void EndStep(this RecoveryState saga, DateTimeOffset now)
    {
        if (saga.Steps.Count > 0 && saga.Steps[^1].EndedAt is null) saga.Steps[^1] = saga.Steps[^1] with { EndedAt = now };
    }

    /// <summary>Adds <paramref name="note"/> to the open step's detail.</summary>
    public static void NoteOnStep(this RecoveryState saga, string note)
    {
        if (saga.Steps.Count > 0) saga.Steps[^1] = saga.Steps[^1] with { Detail = $"{saga.Steps[^1].Detail}; {note}" };
    }

    /// <summary>Counts <paramref name="host"/> among the hosts that may run the VM.</summary>
    public static void MayRun(this RecoveryState saga, string? host)
    {
        if (host is not null && !saga.MayRunOn.Contains(host)) saga.MayRunOn.Add(host);
    }

    /// <summary>The next host to fence before the VM starts on its target, or null when none is left.</summary>
    public static string? NextToFence(this RecoveryState saga) => saga.MayRunOn.FirstOrDefault(host => host != saga.TargetHost);

    /// <summary>Where the VM runs, when only one host may run it.</summary>
    public static string? RunningOn(this RecoveryState saga) => saga.MayRunOn.Count == 1 ? saga.MayRunOn[0] : null;

    public static bool Expects(this RecoveryState saga, Guid? commandId) => commandId is not null && saga.CommandId == commandId;

    public static bool Serves(this RecoveryState saga, Guid recoveryId) => saga.RecoveryId == recoveryId;
}
