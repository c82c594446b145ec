using System.Data.Common;
using Dapper;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>What an incident must know before it starts, in one read: maintenance of the VM or its host, and whether the host is down.</summary>
public sealed class IncidentGuards
{
    public async Task<IncidentGuard> CheckAsync(DbConnection connection, string vm, string host)
    {
        var row = await connection.QuerySingleAsync<(string? Maintenance, bool HostDown)>(
            """
            SELECT (SELECT target || ' ' || name || ' is in maintenance: ' || reason FROM maintenance
                    WHERE (target = 'Vm' AND name = @vm) OR (target = 'Host' AND name = @host) LIMIT 1),
                   coalesce((SELECT down FROM host_status WHERE name = @host), 0)
            """,
            new { vm, host });
        return new IncidentGuard(row.Maintenance, row.HostDown);
    }
}

/// <summary>Why an incident must not start (maintenance), and whether the VM's host is known to be down.</summary>
public sealed record IncidentGuard(string? Maintenance, bool HostDown);
