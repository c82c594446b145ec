namespace ThreeRC.Orchestrator.StateMachines;

/// <summary>What a queued incident does once it is granted a slot.</summary>
public enum PendingWork
{
    None,
    Reboot,
    Fence,
    Restart,
}
