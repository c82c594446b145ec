namespace ThreeRC.Contracts.Placement;

/// <summary>Response to <see cref="GetVmsOnHost"/>.</summary>
/// <param name="HostName">The physical host asked about.</param>
/// <param name="Known">False when the inventory has no such host.</param>
/// <param name="VmNames">The VMs the map puts on it, by name.</param>
public record VmsOnHost(string HostName, bool Known, IReadOnlyList<string> VmNames);
