namespace ThreeRC.Contracts.Placement;

/// <summary>Request: which VMs does the VM→host map put on this physical host? Answered by <see cref="VmsOnHost"/>.</summary>
/// <param name="HostName">The inventory name of the physical host.</param>
public record GetVmsOnHost(string HostName);
