using ThreeRC.Contracts.Monitoring;
using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Persistence;

/// <summary>One row of host_states.</summary>
internal sealed class HostRow
{
    public string HostName { get; init; } = "";

    public bool Up { get; init; }

    public bool Fenced { get; init; }

    public bool InMaintenance { get; init; }

    public double? LoadOne { get; init; }

    public double? LoadFive { get; init; }

    public int? CpuCount { get; init; }

    public long? MemoryTotalKb { get; init; }

    public long? MemoryFreeKb { get; init; }

    public DateTimeOffset? LastHeardAt { get; init; }

    public static HostRow From(HostState host) => new()
    {
        HostName = host.Name,
        Up = host.Up,
        Fenced = host.Fenced,
        InMaintenance = host.InMaintenance,
        LoadOne = host.Load?.LoadOne,
        LoadFive = host.Load?.LoadFive,
        CpuCount = host.Load?.CpuCount,
        MemoryTotalKb = host.Load?.MemoryTotalKb,
        MemoryFreeKb = host.Load?.MemoryFreeKb,
        LastHeardAt = host.Load?.LastHeardAt,
    };

    public void ApplyTo(HostState host)
    {
        host.Up = Up;
        host.Fenced = Fenced;
        host.InMaintenance = InMaintenance;
        host.Load = LoadFive is { } loadFive
            ? new HostLoad(HostName, LoadOne ?? 0, loadFive, CpuCount ?? 0, MemoryTotalKb ?? 0, MemoryFreeKb ?? 0, LastHeardAt ?? default)
            : null;
    }
}
