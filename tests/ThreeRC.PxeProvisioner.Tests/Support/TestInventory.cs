using ThreeRC.Inventory.Loading;
using ThreeRC.Inventory.Model;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Support;

/// <summary>Three VMs: gridce and gridwn may be reinstalled, gridse may not.</summary>
internal static class TestInventory
{
    public const string GridceFile = "pxelinux.cfg/01-52-54-00-00-01-01";
    public const string GridseFile = "pxelinux.cfg/01-52-54-00-00-01-02";
    public const string GridwnFile = "pxelinux.cfg/01-52-54-00-00-01-03";

    private const string Append = "inst.ks=http://10.0.0.2/ks/{role}.cfg threerc.vm={vm} threerc.mac={mac} threerc.callback={callback} threerc.token={token} threerc.role={role}";

    public const string Yaml = $"""
        timers:
          rebootWait: 90s
          restartWait: 2m
          installBudget: 10m
        hosts:
          - name: alfa01
            address: 10.0.0.11
            ssh:
              user: threerc
            driver: libvirt
            cpus: 8
            memoryMb: 32768
            loadThreshold: 6.5
            maxVms: 10
        vms:
          - name: gridce
            ganglia: gridce.example.org
            mac: "52:54:00:00:01:01"
            address: 10.0.2.1
            home: alfa01
            memoryMb: 2048
            definition: /srv/vm/gridce.xml
            profile: grid-ce
          - name: gridse
            mac: "52:54:00:00:01:02"
            address: 10.0.2.2
            home: alfa01
            memoryMb: 2048
            definition: /srv/vm/gridse.xml
            profile: grid-se
            reinstall: false
          - name: gridwn
            ganglia: 10.0.2.3
            mac: "52:54:00:00:01:03"
            address: 10.0.2.3
            home: alfa01
            memoryMb: 2048
            definition: /srv/vm/gridwn.xml
            profile: grid-wn
        profiles:
          - name: grid-ce
            kernel: images/rhel/vmlinuz
            initrd: images/rhel/initrd.img
            append: "{Append}"
            role: grid-ce
          - name: grid-se
            kernel: images/rhel/vmlinuz
            initrd: images/rhel/initrd.img
            append: "{Append}"
            role: grid-se
          - name: grid-wn
            kernel: images/debian/linux
            initrd: images/debian/initrd.gz
            append: "{Append}"
            role: worker
        """;

    /// <summary>Writes the inventory into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(TempDirectory folder) => folder.Write("inventory.yaml", Yaml);

    public static ClusterInventory Load(TempDirectory folder) => InventoryLoader.Load(Write(folder));
}
