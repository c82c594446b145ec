using System.Data.Common;
using Dapper;

namespace ThreeRC.Persistence.Sagas.Outbox;

/// <summary>The inbox and outbox rows of one saga table: the only code that reads or writes them.</summary>
internal sealed class OutboxStore(ServiceDatabase database, string table, TimeProvider time)
{
    private readonly OutboxStatements _sql = new(table);

    /// <summary>
    /// The write that goes into the transaction saving the saga, in one round trip: the message handled, and what it
    /// published; null when there is neither.
    /// </summary>
    public SagaStatement? Statement(Guid? inbound, IReadOnlyList<OutboxEntry> entries)
    {
        var parameters = new DynamicParameters(new { inbound, at = time.GetUtcNow().ToUnixTimeMilliseconds() });
        var statements = new List<string>();
        if (inbound is { } messageId)
        {
            statements.Add(_sql.Receive);
            parameters.Add("messageId", messageId);
        }

        if (entries.Count > 0) statements.Add(_sql.Add(entries.Count));
        for (var i = 0; i < entries.Count; i++)
        {
            parameters.Add($"messageId{i}", entries[i].MessageId);
            parameters.Add($"type{i}", OutboxCodec.TypeName(entries[i].Message));
            parameters.Add($"body{i}", OutboxCodec.Body(entries[i].Message));
        }

        return statements.Count == 0 ? null : new SagaStatement(string.Join(";\n", statements), parameters);
    }

    /// <summary>What a message handled before published and has not yet seen leave (the process stopped in between).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> PendingOfAsync(DbConnection connection, Guid inbound, CancellationToken cancellationToken) =>
        Read(await connection.QueryAsync<(Guid, string, string)>(new CommandDefinition(_sql.PendingOf, new { inbound }, cancellationToken: cancellationToken)));

    /// <summary>Messages written at least <paramref name="age"/> ago and still waiting; all of them when <paramref name="age"/> is zero.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> WaitingAsync(TimeSpan age, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var before = (time.GetUtcNow() - age).ToUnixTimeMilliseconds();
        return Read(await connection.QueryAsync<(Guid, string, string)>(
            new CommandDefinition(_sql.CreatedBefore, new { before, limit }, cancellationToken: cancellationToken)));
    }

    /// <summary>The messages left: their rows go, in one statement.</summary>
    public async Task RemoveAsync(IReadOnlyList<OutboxEntry> sent, CancellationToken cancellationToken)
    {
        if (sent.Count == 0) return;
        var parameters = new DynamicParameters();
        for (var i = 0; i < sent.Count; i++) parameters.Add($"messageId{i}", sent[i].MessageId);
        await database.WriteRowsAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            _sql.Remove(sent.Count), parameters, transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>Forgets message ids handled before <paramref name="retention"/>: a duplicate that late is no longer recognised.</summary>
    public async Task ForgetAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var before = (time.GetUtcNow() - retention).ToUnixTimeMilliseconds();
        await database.WriteRowsAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            _sql.Forget, new { before }, transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    private static List<OutboxEntry> Read(IEnumerable<(Guid MessageId, string Type, string Body)> rows) =>
        rows.Select(row => new OutboxEntry(row.MessageId, OutboxCodec.Read(row.Type, row.Body))).ToList();
}
