namespace ThreeRC.Contracts.Monitoring;

/// <summary>A host of the inventory reports to Ganglia again. Published on the transition only.</summary>
/// <param name="Name">The inventory name of the physical host or VM.</param>
/// <param name="Kind">Physical host or virtual machine.</param>
/// <param name="GangliaHost">The host name Ganglia reports it under.</param>
/// <param name="LastHeardAt">When Ganglia last heard from it.</param>
/// <param name="DetectedAt">When the monitor saw it come back.</param>
/// <param name="Source">The Ganglia source (host:port) whose report decided it.</param>
public record HostResponsive(
    string Name,
    HostKind Kind,
    string GangliaHost,
    DateTimeOffset LastHeardAt,
    DateTimeOffset DetectedAt,
    string Source);
