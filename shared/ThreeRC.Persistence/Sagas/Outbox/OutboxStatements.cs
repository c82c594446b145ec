namespace ThreeRC.Persistence.Sagas.Outbox;

/// <summary>
/// The statements of a saga table's inbox (<c>TABLE_inbox</c>: the message ids it has handled) and outbox
/// (<c>TABLE_outbox</c>: what it published and has not yet seen leave). The owning service's schema scripts create both.
/// </summary>
internal sealed class OutboxStatements(string table)
{
    public string Receive { get; } = $"INSERT INTO {table}_inbox (message_id, received_at) VALUES (@messageId, @at)";

    /// <summary>One insert of <paramref name="count"/> rows, their parameters numbered: <c>@messageId0</c>, <c>@type0</c>, <c>@body0</c>, …</summary>
    public string Add(int count) =>
        $"INSERT INTO {table}_outbox (message_id, inbound_message_id, type, body, created_at) VALUES " +
        string.Join(", ", Enumerable.Range(0, count).Select(i => $"(@messageId{i}, @inbound, @type{i}, @body{i}, @at)"));

    public string PendingOf { get; } = $"SELECT message_id, type, body FROM {table}_outbox WHERE inbound_message_id = @inbound ORDER BY sequence";

    public string CreatedBefore { get; } =
        $"SELECT message_id, type, body FROM {table}_outbox WHERE created_at <= @before ORDER BY sequence LIMIT @limit";

    /// <summary>One delete of <paramref name="count"/> rows, their ids numbered: <c>@messageId0</c>, <c>@messageId1</c>, …</summary>
    public string Remove(int count) =>
        $"DELETE FROM {table}_outbox WHERE message_id IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => $"@messageId{i}"))})";

    public string Forget { get; } = $"DELETE FROM {table}_inbox WHERE received_at < @before";
}
