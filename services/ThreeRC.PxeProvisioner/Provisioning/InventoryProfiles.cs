using ThreeRC.Inventory.Model;

namespace ThreeRC.PxeProvisioner.Provisioning;

internal static class InventoryProfiles
{
    /// <summary>The install profile the inventory gives <paramref name="vm"/>, or null.</summary>
    public static InstallProfile? ProfileOf(this ClusterInventory inventory, VirtualMachine vm) =>
        vm.Profile is { } name ? inventory.FindProfile(name) : null;
}
