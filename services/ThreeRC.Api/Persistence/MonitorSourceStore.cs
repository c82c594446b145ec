namespace ThreeRC.Api.Persistence;

/// <summary>The Ganglia sources the monitor reported on.</summary>
public sealed class MonitorSourceStore(ApiDatabase database)
{
    public Task SetAsync(MonitorSource source, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO monitor_sources (source, available, reason, since) VALUES (@Source, @Available, @Reason, @since)
            ON CONFLICT (source) DO UPDATE SET available = excluded.available, reason = excluded.reason, since = excluded.since
            WHERE excluded.since >= monitor_sources.since
            """,
            new { source.Source, source.Available, source.Reason, since = source.Since.ToUniversalTime() },
            cancellationToken);

    public Task<IReadOnlyList<MonitorSource>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync<MonitorSource>(
            "SELECT source AS Source, available AS Available, reason AS Reason, since AS Since FROM monitor_sources ORDER BY source",
            null,
            cancellationToken);
}
