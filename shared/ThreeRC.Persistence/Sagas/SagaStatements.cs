namespace ThreeRC.Persistence.Sagas;

/// <summary>The saga table's statements, written once from its options.</summary>
internal sealed class SagaStatements<TSaga>
    where TSaga : class
{
    public SagaStatements(SagaStoreOptions<TSaga> options)
    {
        Columns = [.. options.Columns];
        var table = options.Table;
        var extra = Columns.Select(column => column.Name).ToList();
        Load = $"SELECT data, version FROM {table} WHERE correlation_id = @correlationId";
        Receive = $"SELECT EXISTS (SELECT 1 FROM {table}_inbox WHERE message_id = @messageId) AS handled, saga.data, saga.version " +
            $"FROM (SELECT 1 AS one) AS message LEFT JOIN {table} AS saga ON saga.correlation_id = @correlationId";
        LoadAll = $"SELECT data, version FROM {table}";
        Insert = $"INSERT INTO {table} ({string.Join(", ", ["correlation_id", "version", "data", .. extra])}) " +
            $"VALUES ({string.Join(", ", ["@correlationId", "@version", "@data", .. extra.Select(name => "@" + name)])})";
        Update = $"UPDATE {table} SET {string.Join(", ", ["version = @version", "data = @data", .. extra.Select(name => $"{name} = @{name}")])} " +
            "WHERE correlation_id = @correlationId AND version = @expected";
        Delete = $"DELETE FROM {table} WHERE correlation_id = @correlationId AND version = @version";
    }

    public IReadOnlyList<SagaColumn<TSaga>> Columns { get; }

    public string Load { get; }

    /// <summary>Whether the inbox knows a message, and the instance it is about, in one round trip.</summary>
    public string Receive { get; }

    public string LoadAll { get; }

    public string Insert { get; }

    public string Update { get; }

    public string Delete { get; }
}
