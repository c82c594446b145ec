using ThreeRC.Contracts.Provisioning;
using ThreeRC.Inventory.Model;
using ThreeRC.PxeProvisioner.Http;
using ThreeRC.PxeProvisioner.Pxelinux;

namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>The reinstall a command asks for, once every rule allows it.</summary>
internal sealed record ReinstallPlan(VirtualMachine Vm, InstallProfile Profile, string PxeConfigFile, string CallbackUrl);

/// <summary>When a reinstall is refused: the VM must exist, allow it, name that profile, and have a valid MAC.</summary>
internal static class ReinstallRules
{
    public static ReinstallPlan? Check(ClusterInventory inventory, string? callbackBaseUrl, PrepareReinstall command, out string? refusal)
    {
        var vm = inventory.FindVm(command.VmName);
        var profile = inventory.FindProfile(command.Profile);
        string? file = null;
        refusal = vm is null ? $"no VM named '{command.VmName}' in the inventory"
            : !vm.ReinstallAllowed ? $"reinstall is disabled for {vm.Name} (reinstall: false in the inventory)"
            : profile is null ? $"no install profile named '{command.Profile}' in the inventory"
            : vm.Profile != profile.Name ? $"'{profile.Name}' is not the install profile of {vm.Name} ('{vm.Profile}')"
            : !PxeConfigFile.TryFor(vm.Mac, out file) ? $"the MAC of {vm.Name}, '{vm.Mac}', is not a valid MAC address; no file name is made from it"
            : string.IsNullOrEmpty(callbackBaseUrl) ? "Pxe:CallbackBaseUrl is not configured: the installer could not call back, and the VM would reinstall at every boot"
            : null;
        return refusal is null
            ? new ReinstallPlan(vm!, profile!, file!, PxeRoutes.For(callbackBaseUrl!, PxeRoutes.InstallCompleted, vm!.Name))
            : null;
    }
}
