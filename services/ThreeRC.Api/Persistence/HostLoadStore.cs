using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Api.Persistence;

/// <summary>The latest load each physical host reported.</summary>
public sealed class HostLoadStore(ApiDatabase database)
{
    public Task SetAsync(IReadOnlyList<HostLoad> loads, DateTimeOffset reportedAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO host_loads (name, load_one, load_five, cpu_count, memory_total_kb, memory_free_kb, last_heard_at, reported_at)
            VALUES (@HostName, @LoadOne, @LoadFive, @CpuCount, @MemoryTotalKb, @MemoryFreeKb, @heard, @reported)
            ON CONFLICT (name) DO UPDATE SET
                load_one = excluded.load_one, load_five = excluded.load_five, cpu_count = excluded.cpu_count,
                memory_total_kb = excluded.memory_total_kb, memory_free_kb = excluded.memory_free_kb,
                last_heard_at = excluded.last_heard_at, reported_at = excluded.reported_at
            WHERE excluded.reported_at >= host_loads.reported_at
            """,
            loads.Select(load => new
            {
                load.HostName, load.LoadOne, load.LoadFive, load.CpuCount, load.MemoryTotalKb, load.MemoryFreeKb,
                heard = load.LastHeardAt.ToUniversalTime(),
                reported = reportedAt.ToUniversalTime(),
            }),
            cancellationToken);

    public async Task<IReadOnlyDictionary<string, ReportedLoad>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<ReportedLoad>(
            """
            SELECT name AS HostName, load_one AS LoadOne, load_five AS LoadFive, cpu_count AS CpuCount,
                   memory_total_kb AS MemoryTotalKb, memory_free_kb AS MemoryFreeKb, last_heard_at AS LastHeardAt, reported_at AS ReportedAt
            FROM host_loads
            """,
            null,
            cancellationToken);
        return rows.ToDictionary(row => row.HostName, StringComparer.Ordinal);
    }
}
