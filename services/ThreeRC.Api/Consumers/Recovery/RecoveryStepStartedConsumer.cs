using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Consumers.Recovery;

public sealed class RecoveryStepStartedConsumer(RecoveryStore recoveries, EventJournal journal) : IConsumer<RecoveryStepStarted>
{
    public async Task Consume(ConsumeContext<RecoveryStepStarted> context)
    {
        var message = context.Message;
        await recoveries.AddStepAsync(message, context.CancellationToken);
        var where = message.HostName is null ? "" : $" on {message.HostName}";
        await journal.RecordAsync(context, new EventFacts(message.StartedAt, $"{message.Step}{where}: {message.Detail}",
            VmName: message.VmName, HostName: message.HostName, RecoveryId: message.RecoveryId));
    }
}
