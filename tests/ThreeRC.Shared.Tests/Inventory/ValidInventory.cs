namespace ThreeRC.Shared.Tests.Inventory;

/// <summary>A small valid inventory; tests break one line of it at a time.</summary>
internal static class ValidInventory
{
    public const string Yaml = """
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
            fencing:
              - method: ipmi
                address: 10.0.1.11
                user: fence
                passwordVariable: ALFA01_BMC_PASSWORD
              - method: hypervisor
          - name: alfa02
            address: 10.0.0.12
            ssh:
              user: threerc
            driver: esxi
            cpus: 8
            memoryMb: 32768
            loadThreshold: 6.5
            maxVms: 10
        vms:
          - name: gridce
            mac: "52:54:00:AA:00:01"
            address: 10.0.2.1
            home: alfa01
            memoryMb: 2048
            definition: /srv/vm/gridce.xml
            profile: ce
          - name: gridse
            mac: "52:54:00:aa:00:02"
            address: 10.0.2.2
            home: alfa02
            memoryMb: 2048
            definition: /srv/vm/gridse.vmx
            reinstall: false
        profiles:
          - name: ce
            kernel: images/vmlinuz
            initrd: images/initrd.img
            append: "ks=http://10.0.0.2/{role}.cfg callback={callback} token={token}"
            role: grid-ce
        """;

    /// <summary>The valid inventory with <paramref name="find"/> replaced once by <paramref name="replace"/>.</summary>
    public static string With(string find, string replace)
    {
        var index = Yaml.IndexOf(find, StringComparison.Ordinal);
        if (index < 0) throw new ArgumentException($"'{find}' is not in the valid inventory");
        return Yaml[..index] + replace + Yaml[(index + find.Length)..];
    }
}
