namespace ThreeRC.Contracts.Recovery;

/// <summary>A step of an incident's timeline.</summary>
public enum RecoveryStep
{
    /// <summary>Waiting for a free recovery slot (storm control).</summary>
    Queued,
    Reboot,
    Placement,
    AwaitingCapacity,
    Fencing,
    Restart,
    Reinstall,
}
