namespace ThreeRC.Contracts.Recovery;

/// <summary>Start (or escalate) an incident for a VM: its physical host was lost, or an operator asked.</summary>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="StartLevel">The first intervention to try.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="LostHost">The physical host that failed, when the VM must leave it.</param>
/// <param name="RequestedBy">"orchestrator" for a lost host, or the operator's name.</param>
/// <param name="RequestedAt">When it was asked.</param>
public record RecoveryRequested(
    string VmName,
    RecoveryLevel StartLevel,
    string Reason,
    string? LostHost,
    string RequestedBy,
    DateTimeOffset RequestedAt);
