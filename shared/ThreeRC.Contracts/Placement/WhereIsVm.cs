namespace ThreeRC.Contracts.Placement;

/// <summary>Request: on which physical host does the VM→host map put this VM? Answered by <see cref="VmLocation"/>.</summary>
/// <param name="VmName">The inventory name of the VM.</param>
public record WhereIsVm(string VmName);
