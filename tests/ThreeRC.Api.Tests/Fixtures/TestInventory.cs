namespace ThreeRC.Api.Tests.Fixtures;

/// <summary>
/// A small cluster for the tests: three physical hosts, and VMs enough that each test can have its own.
/// web01 cannot be reinstalled.
/// </summary>
public static class TestInventory
{
    public static readonly string[] Hosts = ["alfa01", "alfa02", "alfa04"];

    /// <summary>The VMs by home host.</summary>
    public static readonly (string Vm, string Home)[] Vms =
    [
        ("gridce", "alfa01"), ("gridse", "alfa04"), ("web01", "alfa02"),
        ("db01", "alfa01"), ("db02", "alfa02"), ("db03", "alfa04"), ("db04", "alfa01"),
        ("db05", "alfa02"), ("db06", "alfa04"), ("db07", "alfa01"), ("db08", "alfa02"),
    ];

    public static string Yaml()
    {
        var hosts = Hosts.Select((host, i) => $"""
              - name: {host}
                address: 10.0.0.{11 + i}
                ssh:
                  user: threerc
                driver: libvirt
                cpus: 16
                memoryMb: 65536
                loadThreshold: 12
                maxVms: 20
                fencing:
                  - method: hypervisor
            """);
        var vms = Vms.Select((vm, i) => $"""
              - name: {vm.Vm}
                mac: "52:54:00:00:01:{i + 1:x2}"
                address: 10.0.2.{101 + i}
                home: {vm.Home}
                memoryMb: 4096
                definition: /srv/vm/{vm.Vm}.xml
            {(vm.Vm == "web01" ? "    reinstall: false" : "    profile: grid")}
            """);
        return $"""
            timers:
              rebootWait: 3m
              restartWait: 3m
              installBudget: 10m
            hosts:
            {string.Join("\n", hosts)}
            vms:
            {string.Join("\n", vms)}
            profiles:
              - name: grid
                kernel: images/vmlinuz
                initrd: images/initrd.img
                append: "inst.ks=http://10.0.0.2/ks/{"{role}"}.cfg threerc.callback={"{callback}"} threerc.token={"{token}"}"
                role: grid
            """;
    }
}
