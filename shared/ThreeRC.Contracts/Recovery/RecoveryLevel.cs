namespace ThreeRC.Contracts.Recovery;

/// <summary>The three interventions of 3RC, in escalation order.</summary>
public enum RecoveryLevel
{
    Reboot,
    Restart,
    Reinstall,
}
