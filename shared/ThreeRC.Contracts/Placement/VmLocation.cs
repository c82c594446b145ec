namespace ThreeRC.Contracts.Placement;

/// <summary>Response to <see cref="WhereIsVm"/>.</summary>
/// <param name="VmName">The VM asked about.</param>
/// <param name="Known">False when the inventory has no such VM.</param>
/// <param name="HostName">Its physical host, when known.</param>
public record VmLocation(string VmName, bool Known, string? HostName);
