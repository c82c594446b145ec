using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Detection;

namespace ThreeRC.Monitor.Polling;

/// <summary>The messages a poll publishes about hosts, made from its judgements.</summary>
internal static class HostEvents
{
    /// <param name="sources">Named as the source when no report lists the host.</param>
    /// <param name="quietPhysicalHosts">The poll's quiet physical hosts, told with every silent host: the orchestrator may learn of a VM's silence first.</param>
    public static HostUnresponsive Unresponsive(HostJudgement judgement, DateTimeOffset now, string sources, IReadOnlyList<string> quietPhysicalHosts) => new(
        judgement.Host.Name,
        judgement.Host.Kind,
        judgement.Host.GangliaName,
        judgement.Sighting?.LastHeardAt,
        now,
        judgement.Sighting?.Source.ToString() ?? sources,
        judgement.Silence!)
    {
        QuietPhysicalHosts = quietPhysicalHosts,
    };

    public static HostResponsive Responsive(HostJudgement judgement, DateTimeOffset now) => new(
        judgement.Host.Name,
        judgement.Host.Kind,
        judgement.Host.GangliaName,
        judgement.Sighting!.LastHeardAt,
        now,
        judgement.Sighting.Source.ToString());

    /// <summary>The load of every responsive physical host that reported all five metrics; null when there is none.</summary>
    public static HostLoadReported? Load(IEnumerable<HostJudgement> judgements, DateTimeOffset now)
    {
        var loads = judgements
            .Where(judgement => judgement is { IsResponsive: true, Host.Kind: HostKind.Physical, Sighting.Report.Load.IsComplete: true })
            .Select(judgement => Load(judgement.Host.Name, judgement.Sighting!))
            .ToList();
        return loads.Count == 0 ? null : new HostLoadReported(now, loads);
    }

    private static HostLoad Load(string host, HostSighting sighting)
    {
        var load = sighting.Report.Load;
        return new HostLoad(
            host,
            load.LoadOne!.Value,
            load.LoadFive!.Value,
            (int)Math.Round(load.CpuCount!.Value),
            (long)Math.Round(load.MemoryTotalKb!.Value),
            (long)Math.Round(load.MemoryFreeKb!.Value),
            sighting.LastHeardAt);
    }
}
