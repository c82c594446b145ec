namespace ThreeRC.Contracts.Placement;

/// <summary>Response to <see cref="PreviewPlacement"/>.</summary>
/// <param name="VmName">The VM asked about.</param>
/// <param name="HostName">The host placement would choose, or null when none qualifies.</param>
/// <param name="Reason">Why, in words.</param>
public record PlacementPreview(string VmName, string? HostName, string Reason);
