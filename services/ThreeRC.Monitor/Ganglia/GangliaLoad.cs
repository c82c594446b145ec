namespace ThreeRC.Monitor.Ganglia;

/// <summary>The metrics placement needs from a host, each null when the host did not report it.</summary>
internal sealed record GangliaLoad(double? LoadOne, double? LoadFive, double? CpuCount, double? MemoryTotalKb, double? MemoryFreeKb)
{
    public static GangliaLoad None { get; } = new(null, null, null, null, null);

    public bool IsComplete => LoadOne is not null && LoadFive is not null && CpuCount is not null && MemoryTotalKb is not null && MemoryFreeKb is not null;
}
