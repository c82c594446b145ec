using ThreeRC.Contracts.Recovery;
using V1 = ThreeRC.Api.V1;

namespace ThreeRC.Api.Planning;

/// <summary>What the controller would do next for a VM.</summary>
/// <param name="Level">The next intervention; null when none is left or the VM or its host is in maintenance.</param>
/// <param name="Explanation">Why, in words.</param>
/// <param name="MustRelocate">True when the VM's physical host is down: placement must choose another.</param>
/// <param name="Vm">The VM as the read model sees it.</param>
/// <param name="CurrentHostState">The state of the physical host it runs on.</param>
/// <param name="CurrentHostMaintenance">That host's maintenance; null when it is not in maintenance.</param>
public sealed record PlannedRecovery(
    RecoveryLevel? Level, string Explanation, bool MustRelocate, V1.Vm Vm, V1.HostState CurrentHostState, V1.Maintenance? CurrentHostMaintenance);
