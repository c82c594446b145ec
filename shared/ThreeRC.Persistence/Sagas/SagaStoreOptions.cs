namespace ThreeRC.Persistence.Sagas;

/// <summary>
/// Where and how a saga type is stored. The table has the columns <c>correlation_id</c> (TEXT primary key),
/// <c>version</c> (INTEGER), <c>data</c> (the instance as JSON) and one column per <see cref="Columns"/> entry,
/// written on every insert and update so that they can be indexed and queried (a deadline, a state). Beside it,
/// <c>TABLE_inbox</c> and <c>TABLE_outbox</c> (see <c>docs/orchestrator.md</c>) hold the message ids handled and the
/// messages published with each saved state.
/// </summary>
public sealed class SagaStoreOptions<TSaga>
    where TSaga : class
{
    /// <summary>The table; created by the owning service's schema scripts.</summary>
    public string Table { get; set; } = "";

    /// <summary>Resolves the database holding the table.</summary>
    public Func<IServiceProvider, ServiceDatabase>? Database { get; set; }

    /// <summary>How often the outbox is searched for messages whose publish after the commit never happened (the process stopped).</summary>
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A message still in the outbox this long after its commit is published by the sweep (at start: every message).</summary>
    public TimeSpan OutboxStaleAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a handled message id is remembered: a duplicate arriving within it is dropped.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Called after a state was committed and before its messages are published: a fault-injection point for tests.</summary>
    public Func<IServiceProvider, IReadOnlyList<object>, Task>? BeforePublish { get; set; }

    /// <summary>Extra columns derived from the instance.</summary>
    public IList<SagaColumn<TSaga>> Columns { get; } = [];

    /// <summary>Adds a column derived from the instance.</summary>
    public SagaStoreOptions<TSaga> Column(string name, Func<TSaga, object?> value)
    {
        Columns.Add(new SagaColumn<TSaga>(name, value));
        return this;
    }
}

/// <summary>A column whose value is derived from the saga instance.</summary>
public sealed record SagaColumn<TSaga>(string Name, Func<TSaga, object?> Value);
