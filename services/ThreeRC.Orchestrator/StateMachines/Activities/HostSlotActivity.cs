using ThreeRC.Inventory.Model;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.StateMachines.Activities;

/// <summary>A slot for a start on the target host: the cluster-wide bound and the bound of restarts per host apply.</summary>
public sealed class HostSlotActivity(RecoverySlots slots, ClusterInventory inventory)
    : SlotActivity(slots, saga => inventory.FindVm(saga.VmName)!.Priority)
{
    protected override string? Host(RecoveryState saga) => saga.TargetHost;
}
