using System.Globalization;
using System.Text;

namespace ThreeRC.Lab;

/// <summary>The inventory of the simulated data centre, written as any operator's would be.</summary>
internal static class LabInventory
{
    public static string HostName(int n) => $"alfa{n:00}";

    public static string VmName(int host, int vm) => $"vm{host:00}{(char)('a' + vm - 1)}";

    public static string Mac(int host, int vm) => $"52:54:00:00:{host:x2}:{vm:x2}";

    public static string HostIp(int n) => $"10.99.0.{n}";

    public static string VmIp(int host, int vm) => $"10.99.{host}.{vm}";

    public static string Yaml(LabSettings lab)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"timers: {{ rebootWait: {Seconds(lab.Timers.RebootWait)}, restartWait: {Seconds(lab.Timers.RestartWait)}, installBudget: {Seconds(lab.Timers.InstallBudget)} }}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"detection: {{ absoluteLimit: {Seconds(lab.DetectAfter)} }}");
        yaml.AppendLine("hosts:");
        for (var h = 1; h <= lab.Hosts; h++)
            yaml.AppendLine(CultureInfo.InvariantCulture,
                $"  - {{ name: {HostName(h)}, address: {HostIp(h)}, ssh: {{ user: threerc }}, driver: libvirt, cpus: 16, memoryMb: 65536, loadThreshold: {lab.VmsPerHost * 2}, maxVms: {lab.VmsPerHost * 2}, fencing: [ {{ method: ipmi, address: 10.98.0.{h}, user: fence, passwordVariable: LAB_BMC_PASSWORD }}, {{ method: hypervisor }} ] }}");
        yaml.AppendLine("vms:");
        for (var h = 1; h <= lab.Hosts; h++)
            for (var v = 1; v <= lab.VmsPerHost; v++)
                yaml.AppendLine(CultureInfo.InvariantCulture,
                    $"  - {{ name: {VmName(h, v)}, mac: \"{Mac(h, v)}\", address: {VmIp(h, v)}, home: {HostName(h)}, memoryMb: 4096, definition: /srv/vm/{VmName(h, v)}.xml, profile: lab, priority: {v} }}");
        yaml.AppendLine("profiles:");
        yaml.AppendLine("  - { name: lab, kernel: images/vmlinuz, initrd: images/initrd.img, append: \"threerc.callback={callback} threerc.token={token} threerc.role={role}\", role: lab-node }");
        return yaml.ToString();
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}s";
}
