namespace ThreeRC.Contracts.Monitoring;

/// <summary>The load figures Ganglia reported for one physical host.</summary>
/// <param name="HostName">The inventory name of the physical host.</param>
/// <param name="LoadOne">load_one: the one-minute load average.</param>
/// <param name="LoadFive">load_five: the five-minute load average, which placement compares with the threshold.</param>
/// <param name="CpuCount">cpu_num.</param>
/// <param name="MemoryTotalKb">mem_total in KiB.</param>
/// <param name="MemoryFreeKb">mem_free in KiB.</param>
/// <param name="LastHeardAt">When Ganglia last heard from the host.</param>
public record HostLoad(
    string HostName,
    double LoadOne,
    double LoadFive,
    int CpuCount,
    long MemoryTotalKb,
    long MemoryFreeKb,
    DateTimeOffset LastHeardAt);
