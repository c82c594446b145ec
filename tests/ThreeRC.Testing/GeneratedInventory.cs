namespace ThreeRC.Testing;

/// <summary>A VM of a generated inventory; one that cannot be reinstalled has no install profile.</summary>
public sealed record GeneratedVm(string Name, string Home, bool Reinstall = true);

/// <summary>
/// Writes a valid inventory of any size: libvirt hosts fenced through their hypervisor, VMs with unique MACs and
/// addresses, one install profile ("grid"), and the paper's timers.
/// </summary>
public static class GeneratedInventory
{
    public static string Yaml(IReadOnlyList<string> hosts, IReadOnlyList<GeneratedVm> vms)
    {
        var hostItems = hosts.Select((host, i) => $"""
              - name: {host}
                address: 10.0.{i / 250}.{(i % 250) + 1}
                ssh:
                  user: threerc
                driver: libvirt
                cpus: 16
                memoryMb: 65536
                loadThreshold: 12
                maxVms: 1000
                fencing:
                  - method: hypervisor
            """);
        var vmItems = vms.Select((vm, i) => $"""
              - name: {vm.Name}
                mac: "52:54:00:{i >> 16 & 0xff:x2}:{i >> 8 & 0xff:x2}:{i & 0xff:x2}"
                address: 10.2.{i / 250}.{(i % 250) + 1}
                home: {vm.Home}
                memoryMb: 4096
                definition: /srv/vm/{vm.Name}.xml
            {(vm.Reinstall ? "    profile: grid" : "    reinstall: false")}
            """);
        return $"""
            timers:
              rebootWait: 3m
              restartWait: 3m
              installBudget: 10m
            hosts:
            {string.Join("\n", hostItems)}
            vms:
            {string.Join("\n", vmItems)}
            profiles:
              - name: grid
                kernel: images/vmlinuz
                initrd: images/initrd.img
                append: "inst.ks=http://10.0.0.2/ks/{"{role}"}.cfg threerc.callback={"{callback}"} threerc.token={"{token}"}"
                role: grid
            """;
    }
}
