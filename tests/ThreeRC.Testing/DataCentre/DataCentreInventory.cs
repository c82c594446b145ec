using System.Globalization;
using System.Text;

namespace ThreeRC.Testing.DataCentre;

/// <summary>The inventory of an emulated data centre: its hosts with their BMCs, its VMs with their guests, one install profile.</summary>
internal static class DataCentreInventory
{
    public static string Yaml(IEnumerable<EmulatedHost> hosts, IEnumerable<EmulatedVm> vms, DataCentreTimers timers)
    {
        var yaml = new StringBuilder(TimersAndDetection(timers));
        yaml.Append("""
            profiles:
              - name: e2e
                kernel: images/e2e/vmlinuz
                initrd: images/e2e/initrd.img
                append: "threerc.callback={callback} threerc.token={token} threerc.role={role}"
                role: e2e-worker
            hosts:

            """);
        foreach (var host in hosts) yaml.Append(Host(host.Name, host.Hypervisor.Ssh, host.Bmc, cpus: 8, memoryMb: 16384, loadThreshold: 4, libvirtUri: "qemu:///system"));
        yaml.Append("vms:\n");
        foreach (var vm in vms)
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                  - name: {{vm.Name}}
                    mac: "{{vm.Mac}}"
                    address: {{vm.Guest.Ssh.Address}}
                    ssh: { user: {{vm.Guest.Ssh.User}}, port: {{vm.Guest.Ssh.Port}} }
                    rebootCommand: reboot
                    home: {{vm.Home}}
                    memoryMb: 512
                    definition: {{vm.Definition}}
                    profile: e2e
                    reinstall: true

                """);
        return yaml.ToString();
    }

    /// <summary>
    /// A libvirt host reached by <paramref name="ssh"/> whose VMs are on <paramref name="libvirtUri"/>, at most 4 VMs,
    /// fenced through <paramref name="bmc"/>: ipmi_sim speaks IPMI 1.5 (interface lan), which only an inventory
    /// that says insecure: true may use.
    /// </summary>
    public static string Host(string name, SshServer ssh, IpmiSimulator bmc, int cpus, int memoryMb, int loadThreshold, string libvirtUri) => $$"""
          - name: {{name}}
            address: {{ssh.Address}}
            ssh: { user: {{ssh.User}}, port: {{ssh.Port}} }
            driver: libvirt
            libvirtUri: {{libvirtUri}}
            cpus: {{cpus}}
            memoryMb: {{memoryMb}}
            loadThreshold: {{loadThreshold}}
            maxVms: 4
            fencing:
              - method: ipmi
                address: {{bmc.Address}}
                port: {{bmc.Port}}
                interface: lan
                insecure: true
                user: {{bmc.User}}
                passwordFile: {{bmc.PasswordFile}}

        """;

    /// <summary>The escalation timers and the detection settings, the start of every test inventory.</summary>
    public static string TimersAndDetection(DataCentreTimers timers) => $"""
        timers:
          rebootWait: {Seconds(timers.RebootWait)}
          restartWait: {Seconds(timers.RestartWait)}
          installBudget: {Seconds(timers.InstallBudget)}
        detection:
          tmaxFactor: 4
          absoluteLimit: {Seconds(timers.DetectAfter)}
          confirmWithProbe: {(timers.ConfirmWithProbe ? "true" : "false")}
          probeTimeout: 1s

        """;

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0}s";
}
