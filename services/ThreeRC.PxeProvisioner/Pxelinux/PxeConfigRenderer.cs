using System.Text;
using ThreeRC.Inventory.Model;

namespace ThreeRC.PxeProvisioner.Pxelinux;

/// <summary>
/// Renders a VM's pxelinux configuration: local boot, or its profile's install stanza. Both begin with comment
/// lines naming the VM and, when it has a profile, its role, for the post-install step and for operators.
/// </summary>
internal static class PxeConfigRenderer
{
    public static string LocalBoot(VirtualMachine vm, InstallProfile? profile) =>
        Header(vm, "boots from its local disk", profile, recoveryId: null)
            .AppendLine("DEFAULT local")
            .AppendLine("PROMPT 0")
            .AppendLine("TIMEOUT 0")
            .AppendLine("LABEL local")
            .AppendLine("  LOCALBOOT 0")
            .ToString();

    public static string Install(VirtualMachine vm, InstallProfile profile, Guid recoveryId, string append) =>
        Header(vm, $"reinstalls with profile {profile.Name}", profile, recoveryId)
            .AppendLine("DEFAULT install")
            .AppendLine("PROMPT 0")
            .AppendLine("TIMEOUT 0")
            .AppendLine("LABEL install")
            .AppendLine($"  KERNEL {profile.Kernel}")
            .AppendLine($"  APPEND initrd={profile.Initrd} {append}")
            .ToString();

    private static StringBuilder Header(VirtualMachine vm, string what, InstallProfile? profile, Guid? recoveryId)
    {
        var header = new StringBuilder()
            .AppendLine($"# ThreeRC: {vm.Name} ({vm.Mac}) {what}.")
            .AppendLine($"# vm: {vm.Name}");
        if (profile is not null) header.AppendLine($"# profile: {profile.Name}").AppendLine($"# role: {profile.Role}");
        if (recoveryId is not null) header.AppendLine($"# recovery: {recoveryId:D}");
        return header;
    }
}
