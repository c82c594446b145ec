using MassTransit;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Lab.Progress;

/// <summary>Feeds the orchestrator's recovery events to the lab's table.</summary>
public sealed class RecoveryProgressConsumer(RecoveryBoard board) : IConsumer<RecoveryStepStarted>, IConsumer<RecoveryCompleted>
{
    public Task Consume(ConsumeContext<RecoveryStepStarted> context)
    {
        board.Step(context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<RecoveryCompleted> context)
    {
        board.Completed(context.Message);
        return Task.CompletedTask;
    }
}
