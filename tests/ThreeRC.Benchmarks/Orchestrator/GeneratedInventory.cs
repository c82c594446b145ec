using System.Text;

namespace ThreeRC.Benchmarks.Orchestrator;

/// <summary>An inventory of <c>hosts</c> physical hosts with <c>vmsPerHost</c> VMs each, as YAML.</summary>
internal static class GeneratedInventory
{
    public static string Yaml(int hosts, int vmsPerHost)
    {
        var yaml = new StringBuilder("timers: { rebootWait: 3m, restartWait: 3m, installBudget: 10m }\nhosts:\n");
        for (var h = 1; h <= hosts; h++)
            yaml.AppendLine($"  - {{ name: {Host(h)}, address: 10.1.{h / 250}.{h % 250 + 1}, ssh: {{ user: threerc }}, driver: libvirt, cpus: 32, memoryMb: 262144, loadThreshold: 24, maxVms: 60 }}");
        yaml.AppendLine("vms:");
        for (var h = 1; h <= hosts; h++)
            for (var v = 1; v <= vmsPerHost; v++)
            {
                var n = (h - 1) * vmsPerHost + v;
                yaml.AppendLine($"  - {{ name: {Vm(n)}, mac: \"52:54:{n >> 24 & 0xff:x2}:{n >> 16 & 0xff:x2}:{n >> 8 & 0xff:x2}:{n & 0xff:x2}\", address: 10.2.{n / 250}.{n % 250 + 1}, home: {Host(h)}, memoryMb: 2048, definition: /srv/vm/{Vm(n)}.xml, reinstall: false }}");
            }

        return yaml.ToString();
    }

    public static string Host(int n) => $"h{n:000}";

    public static string Vm(int n) => $"vm{n:00000}";
}
