namespace ThreeRC.Contracts.Monitoring;

/// <summary>A Ganglia source that was unavailable answered with a valid document again.</summary>
/// <param name="Source">The source, as host:port.</param>
/// <param name="RestoredAt">When the first good poll ended.</param>
public record MonitorSourceRestored(string Source, DateTimeOffset RestoredAt);
