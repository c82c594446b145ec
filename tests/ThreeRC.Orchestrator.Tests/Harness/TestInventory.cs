using ThreeRC.Inventory.Loading;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Orchestrator.Tests.Harness;

/// <summary>
/// Three physical hosts and three VMs. alfa01 fences by IPMI, then through its hypervisor; web1 may be reinstalled,
/// db1 may not.
/// </summary>
internal static class TestInventory
{
    public static readonly TimeSpan T1 = TimeSpan.FromSeconds(90);
    public static readonly TimeSpan T2 = TimeSpan.FromMinutes(3);
    public static readonly TimeSpan InstallBudget = TimeSpan.FromMinutes(10);

    public const string Yaml = """
        timers: { rebootWait: 90s, restartWait: 3m, installBudget: 10m }
        hosts:
          - { name: alfa01, address: 10.0.0.1, ssh: { user: threerc }, driver: libvirt, cpus: 8, memoryMb: 32768, loadThreshold: 8, maxVms: 10,
              fencing: [ { method: ipmi, address: 10.0.1.1, user: fence, passwordVariable: BMC_PASSWORD }, { method: hypervisor } ] }
          - { name: alfa02, address: 10.0.0.2, ssh: { user: threerc }, driver: libvirt, cpus: 8, memoryMb: 32768, loadThreshold: 8, maxVms: 10 }
          - { name: alfa03, address: 10.0.0.3, ssh: { user: threerc }, driver: libvirt, cpus: 8, memoryMb: 32768, loadThreshold: 8, maxVms: 10 }
        vms:
          - { name: web1, mac: "52:54:00:00:00:01", address: 10.0.2.1, home: alfa01, memoryMb: 1024, definition: /srv/web1.xml, profile: web, priority: 5 }
          - { name: db1, mac: "52:54:00:00:00:02", address: 10.0.2.2, home: alfa01, memoryMb: 1024, definition: /srv/db1.xml, reinstall: false, priority: 9 }
          - { name: web2, mac: "52:54:00:00:00:03", address: 10.0.2.3, home: alfa02, memoryMb: 1024, definition: /srv/web2.xml, profile: web }
        profiles:
          - { name: web, kernel: k/vmlinuz, initrd: k/initrd.img, append: "ks={callback} token={token}", role: web }
        """;

    public static ClusterInventory Load() => InventoryLoader.Parse(Yaml, "test-inventory.yaml");
}
