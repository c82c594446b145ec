using ThreeRC.Contracts.Hypervisor;

namespace ThreeRC.Inventory.Model;

/// <summary>One fencing method of a physical host, tried in inventory order.</summary>
/// <param name="Method">IPMI or the host's own hypervisor.</param>
/// <param name="Ipmi">The BMC, for IPMI.</param>
public sealed record FencingMethod(FenceMethod Method, IpmiSettings? Ipmi);
