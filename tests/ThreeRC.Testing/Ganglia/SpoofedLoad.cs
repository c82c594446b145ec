using System.Globalization;

namespace ThreeRC.Testing.Ganglia;

/// <summary>The load figures a <see cref="SpoofedHost"/> reports with each heartbeat, as gmond's own modules name them.</summary>
public sealed record SpoofedLoad(double LoadOne, double LoadFive, int CpuCount, long MemoryTotalKb, long MemoryFreeKb)
{
    /// <summary>Each metric as gmetric arguments: name, value, type, units.</summary>
    public IEnumerable<(string Name, string Value, string Type, string Units)> Metrics()
    {
        yield return ("load_one", Text(LoadOne), "float", "");
        yield return ("load_five", Text(LoadFive), "float", "");
        yield return ("cpu_num", Text(CpuCount), "uint16", "CPUs");
        yield return ("mem_total", Text(MemoryTotalKb), "float", "KB");
        yield return ("mem_free", Text(MemoryFreeKb), "float", "KB");
    }

    private static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
