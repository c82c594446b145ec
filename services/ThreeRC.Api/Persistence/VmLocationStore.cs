namespace ThreeRC.Api.Persistence;

/// <summary>The physical host each VM was last restarted on; a VM never restarted is on its home host.</summary>
public sealed class VmLocationStore(ApiDatabase database)
{
    public Task MoveAsync(string vmName, string hostName, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO vm_locations (name, host_name, since) VALUES (@vmName, @hostName, @since)
            ON CONFLICT (name) DO UPDATE SET host_name = excluded.host_name, since = excluded.since
            WHERE excluded.since >= vm_locations.since
            """,
            new { vmName, hostName, since = since.ToUniversalTime() },
            cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<(string Name, string HostName)>("SELECT name, host_name FROM vm_locations", null, cancellationToken);
        return rows.ToDictionary(row => row.Name, row => row.HostName, StringComparer.Ordinal);
    }
}
