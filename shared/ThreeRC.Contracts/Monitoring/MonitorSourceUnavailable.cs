namespace ThreeRC.Contracts.Monitoring;

/// <summary>
/// The monitor could not read a Ganglia source (unreachable, timed out, broken or oversized document).
/// No host is declared down because of it.
/// </summary>
/// <param name="Source">The source, as host:port.</param>
/// <param name="Reason">What went wrong, in words.</param>
/// <param name="DetectedAt">When the poll failed.</param>
public record MonitorSourceUnavailable(string Source, string Reason, DateTimeOffset DetectedAt);
