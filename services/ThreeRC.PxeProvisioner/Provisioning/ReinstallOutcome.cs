namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>What became of a <c>PrepareReinstall</c>.</summary>
internal abstract record ReinstallOutcome(DateTimeOffset At);

/// <summary>The install stanza is in place in <paramref name="PxeConfigFile"/> (relative to the TFTP root).</summary>
internal sealed record ReinstallReady(string PxeConfigFile, DateTimeOffset At) : ReinstallOutcome(At);

/// <summary>Nothing was written, for <paramref name="Reason"/>.</summary>
internal sealed record ReinstallDenied(string Reason, DateTimeOffset At) : ReinstallOutcome(At);
