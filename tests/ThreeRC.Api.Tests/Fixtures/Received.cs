using System.Collections.Concurrent;
using MassTransit;

namespace ThreeRC.Api.Tests.Fixtures;

/// <summary>The messages of the types tests record, in the order they arrived.</summary>
public sealed class Received
{
    private readonly ConcurrentQueue<object> _messages = new();

    public IReadOnlyList<T> Of<T>() => _messages.OfType<T>().ToList();

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
