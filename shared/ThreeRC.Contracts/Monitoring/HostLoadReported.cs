namespace ThreeRC.Contracts.Monitoring;

/// <summary>Once per poll: the load of every physical host that reported its load metrics.</summary>
/// <param name="ReportedAt">When the poll ended.</param>
/// <param name="Hosts">One entry per physical host.</param>
public record HostLoadReported(DateTimeOffset ReportedAt, IReadOnlyList<HostLoad> Hosts);
