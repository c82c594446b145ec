using System.Collections.Concurrent;
using MassTransit;
using ThreeRC.Contracts.Provisioning;

namespace ThreeRC.Benchmarks.PxeProvisioner;

/// <summary>The provisioner's events by recovery id, each completing the task a round waits on.</summary>
public sealed class AwaitedMessages
{
    private readonly ConcurrentDictionary<(Type, Guid), TaskCompletionSource<object>> _waiting = new();

    public Task<object> For<T>(Guid recoveryId) => Source(typeof(T), recoveryId).Task;

    public void Arrived(object message, Guid recoveryId) => Source(message.GetType(), recoveryId).TrySetResult(message);

    private TaskCompletionSource<object> Source(Type type, Guid recoveryId) =>
        _waiting.GetOrAdd((type, recoveryId), _ => new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously));
}

public sealed class ReinstallPreparedArrival(AwaitedMessages awaited) : IConsumer<ReinstallPrepared>
{
    public Task Consume(ConsumeContext<ReinstallPrepared> context)
    {
        awaited.Arrived(context.Message, context.Message.RecoveryId);
        return Task.CompletedTask;
    }
}

public sealed class ReinstallRefusedArrival(AwaitedMessages awaited) : IConsumer<ReinstallRefused>
{
    public Task Consume(ConsumeContext<ReinstallRefused> context)
    {
        awaited.Arrived(context.Message, context.Message.RecoveryId);
        return Task.CompletedTask;
    }
}

public sealed class InstallCompletedArrival(AwaitedMessages awaited) : IConsumer<InstallCompleted>
{
    public Task Consume(ConsumeContext<InstallCompleted> context)
    {
        awaited.Arrived(context.Message, context.Message.RecoveryId);
        return Task.CompletedTask;
    }
}
