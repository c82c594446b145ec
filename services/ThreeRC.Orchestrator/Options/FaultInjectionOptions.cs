namespace ThreeRC.Orchestrator.Options;

/// <summary>
/// <c>Orchestrator:FaultInjection</c>: makes the orchestrator kill itself (SIGKILL, as <c>kill -9</c>) once, right after
/// it committed a state whose messages include a <see cref="KillBeforePublishing"/> about <see cref="Vm"/>, and before
/// it published them. For fault-injection tests only: a marker file in the data folder makes it happen once.
/// </summary>
public sealed class FaultInjectionOptions
{
    /// <summary>The message type name, such as RestartVm; empty: no fault.</summary>
    public string? KillBeforePublishing { get; set; }

    /// <summary>The VM the message must be about.</summary>
    public string? Vm { get; set; }
}
