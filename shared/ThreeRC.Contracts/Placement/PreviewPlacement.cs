namespace ThreeRC.Contracts.Placement;

/// <summary>Request: where would placement put this VM now? A dry run: nothing is reserved. Answered by <see cref="PlacementPreview"/>.</summary>
/// <param name="VmName">The inventory name of the VM.</param>
/// <param name="MustRelocate">Whether the VM's current host is to be excluded.</param>
public record PreviewPlacement(string VmName, bool MustRelocate);
