using System.Globalization;
using System.Xml;

namespace ThreeRC.Monitor.Ganglia;

/// <summary>Collects the load metrics of one HOST while its METRIC elements go by. A value that is not a number is left out.</summary>
internal struct LoadReading
{
    private double? _loadOne;
    private double? _loadFive;
    private double? _cpuCount;
    private double? _memoryTotalKb;
    private double? _memoryFreeKb;

    public void Add(string? metric, XmlReader reader)
    {
        switch (metric)
        {
            case "load_one": _loadOne = Value(reader); break;
            case "load_five": _loadFive = Value(reader); break;
            case "cpu_num": _cpuCount = Value(reader); break;
            case "mem_total": _memoryTotalKb = Value(reader); break;
            case "mem_free": _memoryFreeKb = Value(reader); break;
        }
    }

    public readonly GangliaLoad ToLoad() =>
        _loadOne is null && _loadFive is null && _cpuCount is null && _memoryTotalKb is null && _memoryFreeKb is null
            ? GangliaLoad.None
            : new GangliaLoad(_loadOne, _loadFive, _cpuCount, _memoryTotalKb, _memoryFreeKb);

    private static double? Value(XmlReader reader) =>
        double.TryParse(reader.GetAttribute("VAL"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;
}
