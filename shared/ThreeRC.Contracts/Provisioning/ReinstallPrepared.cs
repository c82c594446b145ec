namespace ThreeRC.Contracts.Provisioning;

/// <summary>The VM's pxelinux entry now starts the installer.</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="CommandId">The command this answers.</param>
/// <param name="Profile">The install profile written.</param>
/// <param name="PxeConfigFile">The file written, relative to the TFTP root (pxelinux.cfg/01-…).</param>
/// <param name="PreparedAt">When the file was renamed into place.</param>
public record ReinstallPrepared(Guid RecoveryId, string VmName, Guid CommandId, string Profile, string PxeConfigFile, DateTimeOffset PreparedAt);
