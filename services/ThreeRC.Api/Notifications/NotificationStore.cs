using System.Text.Json;
using Dapper;
using ThreeRC.Api.Persistence;

namespace ThreeRC.Api.Notifications;

/// <summary>The notifications to send, one row per event and channel: the only code that reads or writes them.</summary>
public sealed class NotificationStore(ApiDatabase database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Queues <paramref name="notice"/> on each channel, once per <paramref name="eventId"/> whoever records it.</summary>
    public Task AddAsync(Guid eventId, Notice notice, IEnumerable<string> channels, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = channels.Select(channel => new { id = $"{eventId:N}:{channel}", channel, notice = JsonSerializer.Serialize(notice, Json), now }).ToList();
        return database.WriteRowsAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO notifications (id, channel, notice, created_at, next_attempt_at) VALUES (@id, @channel, @notice, @now, @now)
            ON CONFLICT (id) DO NOTHING
            """, rows, transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>
    /// The due notifications, at most <paramref name="limit"/>, each held for this instance until <paramref name="hold"/>
    /// has passed: another instance takes one only if this one died while sending it.
    /// </summary>
    public Task<IReadOnlyList<PendingNotification>> ClaimDueAsync(TimeSpan hold, int limit, CancellationToken cancellationToken) =>
        database.WriteRowsAsync<IReadOnlyList<PendingNotification>>(async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var rows = (await connection.QueryAsync<(string Id, string Channel, string Notice, long Attempts)>(new CommandDefinition(
                $"""
                SELECT id, channel, notice, attempts FROM notifications
                WHERE sent_at IS NULL AND gave_up = 0 AND next_attempt_at <= @now
                ORDER BY created_at LIMIT @limit {database.Dialect.SkipLockedRows}
                """, new { now = now.ToUnixTimeMilliseconds(), limit }, transaction, cancellationToken: cancellationToken))).ToList();
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE notifications SET next_attempt_at = @until WHERE id = @Id",
                rows.Select(row => new { until = (now + hold).ToUnixTimeMilliseconds(), row.Id }), transaction, cancellationToken: cancellationToken));
            return rows.Select(row => new PendingNotification(row.Id, row.Channel, JsonSerializer.Deserialize<Notice>(row.Notice, Json)!, (int)row.Attempts)).ToList();
        }, cancellationToken);

    public Task SentAsync(PendingNotification sent, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE notifications SET sent_at = @now, attempts = attempts + 1, last_error = NULL WHERE id = @id",
            new { now = time.GetUtcNow().ToUnixTimeMilliseconds(), id = sent.Id }, cancellationToken);

    /// <summary>Records a failed attempt: tried again at <paramref name="retryAt"/>, or given up on when that is null.</summary>
    public Task FailedAsync(PendingNotification failed, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        UpdateAsync(
            """
            UPDATE notifications SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next, gave_up = @gaveUp
            WHERE id = @id
            """,
            new { error, next = (retryAt ?? time.GetUtcNow()).ToUnixTimeMilliseconds(), gaveUp = retryAt is null ? 1 : 0, id = failed.Id },
            cancellationToken);

    private Task UpdateAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        database.WriteRowsAsync((connection, transaction) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)), cancellationToken);
}

/// <summary>A notification claimed for sending: its row, its channel, what it says, and how often it was tried.</summary>
public sealed record PendingNotification(string Id, string Channel, Notice Notice, int Attempts);
