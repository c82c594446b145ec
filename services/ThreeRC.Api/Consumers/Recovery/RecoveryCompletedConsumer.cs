using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Consumers.Recovery;

public sealed class RecoveryCompletedConsumer(RecoveryStore recoveries, MonitorStateStore states, VmLocationStore locations, EventJournal journal)
    : IConsumer<RecoveryCompleted>
{
    public async Task Consume(ConsumeContext<RecoveryCompleted> context)
    {
        var message = context.Message;
        await recoveries.CompleteAsync(message, context.CancellationToken);
        if (message.RunningOn is { } host) await locations.MoveAsync(message.VmName, host, message.CompletedAt, context.CancellationToken);
        if (message.Outcome == RecoveryOutcome.Failed)
            await states.SetAsync(HostKind.Virtual, new MonitorState
            {
                Name = message.VmName,
                State = MonitorStatus.Failed,
                StateSince = message.CompletedAt,
                Reason = message.Reason,
            }, context.CancellationToken);
        await journal.RecordAsync(context, new EventFacts(message.CompletedAt,
            $"incident of {message.VmName} ended {message.Outcome.ToString().ToLowerInvariant()} after {Durations.Format(message.TimeToRecover)}: {message.Reason}"
            + (message.RunningOn is { } runningOn ? $"; it runs on {runningOn}" : ""),
            VmName: message.VmName, RecoveryId: message.RecoveryId));
    }
}
