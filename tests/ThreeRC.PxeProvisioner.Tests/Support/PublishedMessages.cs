using System.Collections.Concurrent;
using MassTransit;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Support;

/// <summary>Every message the recorders received, in arrival order.</summary>
public sealed class PublishedMessages
{
    private readonly ConcurrentQueue<object> _messages = new();

    public void Add(object message) => _messages.Enqueue(message);

    public IReadOnlyList<T> Of<T>() => _messages.OfType<T>().ToList();

    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var found = await Eventually.Until(
            () => Task.FromResult(Of<T>().FirstOrDefault(match)),
            message => message is not null,
            timeout ?? TimeSpan.FromSeconds(30),
            $"a matching {typeof(T).Name} published (all so far: {string.Join(", ", _messages)})");
        return found!;
    }
}

public sealed class MessageRecorder<T>(PublishedMessages published) : IConsumer<T>
    where T : class
{
    public Task Consume(ConsumeContext<T> context)
    {
        published.Add(context.Message);
        return Task.CompletedTask;
    }
}
