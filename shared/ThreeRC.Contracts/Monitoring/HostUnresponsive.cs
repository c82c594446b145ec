namespace ThreeRC.Contracts.Monitoring;

/// <summary>
/// A host of the inventory stopped reporting to Ganglia. Published on the transition only.
/// </summary>
/// <param name="Name">The inventory name of the physical host or VM.</param>
/// <param name="Kind">Physical host or virtual machine.</param>
/// <param name="GangliaHost">The host name Ganglia reports it under.</param>
/// <param name="LastHeardAt">When Ganglia last heard from it; null when it is missing from every report.</param>
/// <param name="DetectedAt">When the monitor decided it is unresponsive.</param>
/// <param name="Source">The Ganglia source (host:port) whose report decided it.</param>
/// <param name="Reason">Why, in words: the TN against its limit, or missing from the report.</param>
public record HostUnresponsive(
    string Name,
    HostKind Kind,
    string GangliaHost,
    DateTimeOffset? LastHeardAt,
    DateTimeOffset DetectedAt,
    string Source,
    string Reason)
{
    /// <summary>
    /// Every physical host of the inventory that this monitor, at the same poll, had not heard for at least half its
    /// limit (this one included, for a physical host); told with a VM's silence too, which the orchestrator may learn first. Many at once means the monitor (or Ganglia) has lost its
    /// network rather than the hosts their power: the orchestrator's mass-failure brake counts them.
    /// </summary>
    public IReadOnlyList<string> QuietPhysicalHosts { get; init; } = [];
}
