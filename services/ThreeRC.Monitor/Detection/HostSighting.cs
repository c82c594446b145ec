using ThreeRC.Monitor.Ganglia;

namespace ThreeRC.Monitor.Detection;

/// <summary>A host as one source reported it, and when that source last heard from it (the poll's time minus TN).</summary>
internal sealed record HostSighting(GangliaHost Report, GangliaSource Source, DateTimeOffset LastHeardAt);
