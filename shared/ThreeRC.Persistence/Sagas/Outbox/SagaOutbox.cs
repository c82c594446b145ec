namespace ThreeRC.Persistence.Sagas.Outbox;

/// <summary>
/// The messages a saga publishes while it handles one message. They are written in the transaction that saves the
/// saga's state and published only after it commits: a crash in between loses none of them and sends none for a
/// state that was never saved.
/// </summary>
public sealed class SagaOutbox
{
    private readonly List<OutboxEntry> _entries = [];

    /// <summary>The messages added so far, in order.</summary>
    public IReadOnlyList<OutboxEntry> Entries => _entries;

    /// <summary>Adds <paramref name="message"/>, published under a message id of its own once the state is saved.</summary>
    public void Add(object message) => _entries.Add(new OutboxEntry(Guid.NewGuid(), message));
}

/// <summary>A message waiting in the outbox, and the message id it is published (and, after a crash, published again) under.</summary>
public sealed record OutboxEntry(Guid MessageId, object Message);
