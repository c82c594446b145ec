using System.Collections.Concurrent;
using MassTransit;
using ThreeRC.Testing;

namespace ThreeRC.Api.Tests.Fixtures;

/// <summary>
/// The messages of the types tests record, in the order they arrived. The recorders consume on endpoints of their
/// own, so a drained Api says nothing about them: tests wait for what they expect.
/// </summary>
public sealed class Received
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<object> _messages = new();

    public IReadOnlyList<T> Of<T>() => _messages.OfType<T>().ToList();

    /// <summary>Waits until <paramref name="count"/> messages match, and returns them in arrival order.</summary>
    public Task<IReadOnlyList<T>> AwaitAsync<T>(Func<T, bool> match, int count = 1) => Eventually.Until(
        () => Task.FromResult<IReadOnlyList<T>>(Of<T>().Where(match).ToList()),
        matched => matched.Count >= count, Patience, $"{count} {typeof(T).Name} recorded");

    internal void Add(object message) => _messages.Enqueue(message);
}

public sealed class Recorder<T>(Received received) : IConsumer<T>
    where T : class
{
    public Task Consume(ConsumeContext<T> context)
    {
        received.Add(context.Message);
        return Task.CompletedTask;
    }
}
