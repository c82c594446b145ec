using MassTransit;
using ThreeRC.Persistence.Sagas;
using ThreeRC.Persistence.Sagas.Outbox;

namespace ThreeRC.Shared.Tests.Persistence;

public record CountUp(Guid CorrelationId, int Number) : CorrelatedBy<Guid>;

/// <summary>What the counter publishes, through the repository's outbox, for each number it counted.</summary>
public record Counted(Guid CorrelationId, int Number, int Count);

/// <summary>A saga that counts: a lost update shows as a count below the number of messages.</summary>
public sealed class CounterSaga : ISaga, ISagaVersion, InitiatedByOrOrchestrates<CountUp>
{
    private static int _attempts;

    public static int Attempts => _attempts;

    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public int Count { get; set; }

    public List<int> Numbers { get; set; } = [];

    public async Task Consume(ConsumeContext<CountUp> context)
    {
        Interlocked.Increment(ref _attempts);

        // A real saga awaits I/O between loading and saving; this pause lets concurrent attempts overlap.
        await Task.Delay(1);
        Count++;
        Numbers.Add(context.Message.Number);

        // Written only if this attempt's count is saved: a conflicting attempt must leave no row behind.
        if (context.TryGetPayload<SagaSession<CounterSaga>>(out var session))
            session.Enlist(new SagaStatement("INSERT INTO counter_log (correlation_id, number) VALUES (@id, @number)",
                new { id = CorrelationId, number = context.Message.Number }));
        if (context.TryGetPayload<SagaOutbox>(out var outbox)) outbox.Add(new Counted(CorrelationId, context.Message.Number, Count));
    }
}
