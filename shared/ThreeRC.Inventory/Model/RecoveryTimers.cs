namespace ThreeRC.Inventory.Model;

/// <summary>The escalation timers of the paper (§5.2).</summary>
/// <param name="RebootWait">T1: how long a guest reboot has to bring the VM back before a restart.</param>
/// <param name="RestartWait">T2: how long a restart has before a reinstall.</param>
/// <param name="InstallBudget">How long a reinstall has, from the installer's boot, before the incident fails.</param>
public sealed record RecoveryTimers(TimeSpan RebootWait, TimeSpan RestartWait, TimeSpan InstallBudget);
