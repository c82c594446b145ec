namespace ThreeRC.Contracts.Recovery;

/// <summary>Every fencing method of a host failed: its VM will not start elsewhere until one succeeds. An operator should look.</summary>
/// <param name="RecoveryId">The incident.</param>
/// <param name="VmName">The VM waiting to relocate.</param>
/// <param name="HostName">The host that could not be fenced.</param>
/// <param name="Reason">The last failure, in words.</param>
/// <param name="Attempts">Fencing attempts so far.</param>
/// <param name="RaisedAt">When the alert was raised.</param>
public record FencingAlert(Guid RecoveryId, string VmName, string HostName, string Reason, int Attempts, DateTimeOffset RaisedAt);
