namespace ThreeRC.Placement.Model;

/// <summary>
/// A host where a start of the VM failed but may have taken effect (a timeout, a dropped session): the VM may run
/// there until the host is fenced for it, or the VM is verified running somewhere.
/// </summary>
internal sealed record PossibleStart
{
    public required string VmName { get; init; }

    public required string HostName { get; init; }

    /// <summary>The incident whose start failed.</summary>
    public required Guid RecoveryId { get; init; }

    /// <summary>When the start failed: a fence or a start before then says nothing about it.</summary>
    public required DateTimeOffset Since { get; init; }
}
