using ThreeRC.Inventory.Model;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.StateMachines.Activities;

/// <summary>A slot for a guest reboot or a fence: only the cluster-wide bound applies.</summary>
public sealed class ClusterSlotActivity(RecoverySlots slots, ClusterInventory inventory)
    : SlotActivity(slots, saga => inventory.FindVm(saga.VmName)!.Priority)
{
    protected override string? Host(RecoveryState saga) => null;
}
