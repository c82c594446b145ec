using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>The incident's timeline and deadline, kept on the instance.</summary>
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
    public static StepEntry BeginStep(this RecoveryState saga, RecoveryStep step, string? host, string detail, DateTimeOffset now)
    {
        if (saga.Steps.Count > 0) saga.Steps[^1].EndedAt ??= now;
        var entry = new StepEntry { Step = step, HostName = host, Detail = detail, StartedAt = now };
        saga.Steps.Add(entry);
        return entry;
    }
}
