using Dapper;
using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Api.Persistence;

/// <summary>The state of each host and VM. A change older than the stored one is ignored: events may arrive out of order.</summary>
public sealed class MonitorStateStore(ApiDatabase database)
{
    private const string Upsert =
        """
        INSERT INTO monitor_states (kind, name, state, state_since, last_heard_at, reason)
        VALUES (@kind, @Name, @state, @since, @heard, @Reason)
        ON CONFLICT (kind, name) DO UPDATE SET
            state = excluded.state,
            state_since = excluded.state_since,
            last_heard_at = coalesce(excluded.last_heard_at, monitor_states.last_heard_at),
            reason = excluded.reason
        WHERE excluded.state_since >= monitor_states.state_since
        """;

    public Task SetAsync(HostKind kind, MonitorState state, CancellationToken cancellationToken) =>
        database.ExecuteAsync(Upsert, Row(kind, state), cancellationToken);

    /// <summary>Many states in one transaction, each under the same rule.</summary>
    public Task SetAllAsync(IEnumerable<(HostKind Kind, MonitorState State)> states, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            (connection, transaction) => connection.ExecuteAsync(Upsert, states.Select(entry => Row(entry.Kind, entry.State)).ToList(), transaction),
            cancellationToken);

    private static object Row(HostKind kind, MonitorState state) => new
    {
        kind = kind.ToString(),
        state.Name,
        state = state.State.ToString(),
        since = state.StateSince.ToUniversalTime(),
        heard = state.LastHeardAt?.ToUniversalTime(),
        state.Reason,
    };

    public async Task<IReadOnlyDictionary<string, MonitorState>> ListAsync(HostKind kind, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<MonitorState>(
            """
            SELECT name AS Name, state AS State, state_since AS StateSince, last_heard_at AS LastHeardAt, reason AS Reason
            FROM monitor_states WHERE kind = @kind
            """,
            new { kind = kind.ToString() },
            cancellationToken);
        return rows.ToDictionary(row => row.Name, StringComparer.Ordinal);
    }
}
