namespace ThreeRC.Api.Persistence;

/// <summary>A physical host's latest load report.</summary>
public sealed record ReportedLoad
{
    public string HostName { get; init; } = "";

    public double LoadOne { get; init; }

    public double LoadFive { get; init; }

    public int CpuCount { get; init; }

    public long MemoryTotalKb { get; init; }

    public long MemoryFreeKb { get; init; }

    public DateTimeOffset LastHeardAt { get; init; }

    public DateTimeOffset ReportedAt { get; init; }
}
