using System.Collections.Concurrent;
using System.Text.Json;
using MassTransit;

namespace ThreeRC.Shared.Tests.Messaging;

/// <summary>What the consuming bus received, as JSON per message type.</summary>
public sealed class ReceivedMessages
{
    private readonly ConcurrentDictionary<Type, TaskCompletionSource<string>> _received = new();

    public Task<string> Of(Type type) => Slot(type).Task;

    public void Add(Type type, object message) => Slot(type).TrySetResult(JsonSerializer.Serialize(message, type));

    private TaskCompletionSource<string> Slot(Type type) =>
        _received.GetOrAdd(type, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>Consumes one message type and records it.</summary>
public sealed class MessageRecorder<T>(ReceivedMessages received) : IConsumer<T>
    where T : class
{
    public Task Consume(ConsumeContext<T> context)
    {
        received.Add(typeof(T), context.Message);
        return Task.CompletedTask;
    }
}
