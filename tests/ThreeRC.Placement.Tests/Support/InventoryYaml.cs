namespace ThreeRC.Placement.Tests.Support;

/// <summary>Inventory files for tests that start the service as a host: alfa01 runs gridce, alfa04 runs gridse.</summary>
internal static class InventoryYaml
{
    public const string TwoHosts = """
        timers:
          rebootWait: 3m
          restartWait: 3m
          installBudget: 10m
        hosts:
          - name: alfa01
            address: 10.0.0.11
            ssh:
              user: threerc
            driver: libvirt
            cpus: 16
            memoryMb: 65536
            loadThreshold: 12
            maxVms: 20
          - name: alfa04
            address: 10.0.0.14
            ssh:
              user: threerc
            driver: libvirt
            cpus: 16
            memoryMb: 65536
            loadThreshold: 12
            maxVms: 20
        vms:
          - name: gridce
            mac: "52:54:00:00:01:01"
            address: 10.0.2.101
            home: alfa01
            memoryMb: 4096
            definition: /srv/vm/gridce.xml
          - name: gridse
            mac: "52:54:00:00:01:02"
            address: 10.0.2.102
            home: alfa04
            memoryMb: 8192
            definition: /srv/vm/gridse.xml
        """;
}
