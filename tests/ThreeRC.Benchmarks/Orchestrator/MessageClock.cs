using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using ThreeRC.Testing;

namespace ThreeRC.Benchmarks.Orchestrator;

/// <summary>Counts messages of each type as they arrive and remembers when the last one of each arrived.</summary>
public sealed class MessageClock
{
    private readonly ConcurrentDictionary<Type, int> _counts = new();
    private readonly ConcurrentDictionary<Type, long> _last = new();

    public Stopwatch Watch { get; } = Stopwatch.StartNew();

    public int Count<T>() => _counts.GetValueOrDefault(typeof(T));

    public TimeSpan LastAt<T>() => TimeSpan.FromTicks(_last.GetValueOrDefault(typeof(T)) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

    public void Saw(Type type)
    {
        // The time first: a waiter released by the count must find it.
        _last[type] = Watch.ElapsedTicks;
        _counts.AddOrUpdate(type, 1, (_, n) => n + 1);
    }

    public Task WaitFor<T>(int count, TimeSpan timeout) =>
        Eventually.Until(() => Task.FromResult(Count<T>()), seen => seen >= count, timeout, $"{count} {typeof(T).Name}", TimeSpan.FromMilliseconds(5));
}

/// <summary>Feeds every consumed <typeparamref name="T"/> to the <see cref="MessageClock"/>.</summary>
public sealed class ClockConsumer<T>(MessageClock clock) : IConsumer<T>
    where T : class
{
    public Task Consume(ConsumeContext<T> context)
    {
        clock.Saw(typeof(T));
        return Task.CompletedTask;
    }
}
