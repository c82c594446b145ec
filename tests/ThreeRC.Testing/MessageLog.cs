using MassTransit;

namespace ThreeRC.Testing;

/// <summary>Every message a test's <see cref="MessageLogConsumer{T}"/>s received, in order, with when each arrived.</summary>
public sealed class MessageLog
{
    private readonly List<(object Message, DateTimeOffset ReceivedAt)> _entries = [];

    public void Add(object message)
    {
        lock (_entries) _entries.Add((message, DateTimeOffset.UtcNow));
    }

    public IReadOnlyList<(T Message, DateTimeOffset ReceivedAt)> Received<T>()
    {
        lock (_entries) return _entries.Where(entry => entry.Message is T).Select(entry => ((T)entry.Message, entry.ReceivedAt)).ToList();
    }

    public IReadOnlyList<T> Of<T>() => Received<T>().Select(entry => entry.Message).ToList();

    /// <summary>The first message of type <typeparamref name="T"/> that matches, waiting for it until the timeout.</summary>
    public async Task<(T Message, DateTimeOffset ReceivedAt)> WaitForAsync<T>(Func<T, bool> match, TimeSpan timeout, string what)
    {
        var found = await Eventually.Until(
            () => Task.FromResult(Received<T>().Where(entry => match(entry.Message)).ToList()),
            entries => entries.Count > 0,
            timeout,
            $"{what} received (received so far: {string.Join(", ", Of<T>())})");
        return found[0];
    }
}

/// <summary>Consumes one message type into the <see cref="MessageLog"/>.</summary>
public sealed class MessageLogConsumer<T>(MessageLog log) : IConsumer<T>
    where T : class
{
    public Task Consume(ConsumeContext<T> context)
    {
        log.Add(context.Message);
        return Task.CompletedTask;
    }
}
