using ThreeRC.Inventory.Loading;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Monitor.Tests.Support;

/// <summary>By default an inventory of two physical hosts (alfa01, alfa02) and two VMs (gridce, gridse), all at 127.0.0.1.</summary>
internal static class TestInventory
{
    /// <param name="detection">The lines of the detection section.</param>
    /// <param name="sshPort">Every host's SSH port, where the confirmation probe connects.</param>
    public static string Yaml(string detection = "tmaxFactor: 4", int sshPort = 22) => $$"""
        detection:
          {{detection.ReplaceLineEndings("\n  ")}}
        hosts:
          - { name: alfa01, address: 127.0.0.1, ssh: { user: threerc, port: {{sshPort}} }, driver: libvirt, cpus: 16, memoryMb: 65536, loadThreshold: 12, maxVms: 20 }
          - { name: alfa02, address: 127.0.0.1, ssh: { user: threerc, port: {{sshPort}} }, driver: libvirt, cpus: 16, memoryMb: 65536, loadThreshold: 12, maxVms: 20 }
        vms:
          - { name: gridce, mac: "52:54:00:00:01:01", address: 127.0.0.1, ssh: { port: {{sshPort}} }, home: alfa01, memoryMb: 4096, definition: /srv/vm/gridce.xml }
          - { name: gridse, mac: "52:54:00:00:01:02", address: 127.0.0.1, ssh: { port: {{sshPort}} }, home: alfa02, memoryMb: 4096, definition: /srv/vm/gridse.xml }
        """;

    /// <summary>Physical hosts only, all at 127.0.0.1.</summary>
    public static string PhysicalHostsYaml(string detection, params string[] names) =>
        $"detection:\n  {detection.ReplaceLineEndings("\n  ")}\nhosts:\n"
        + string.Concat(names.Select(name =>
            $"  - {{ name: {name}, address: 127.0.0.1, ssh: {{ user: threerc }}, driver: libvirt, cpus: 16, memoryMb: 65536, loadThreshold: 12, maxVms: 20 }}\n"));

    public static ClusterInventory Parse(string detection = "tmaxFactor: 4", int sshPort = 22) =>
        InventoryLoader.Parse(Yaml(detection, sshPort), "test-inventory.yaml");
}
