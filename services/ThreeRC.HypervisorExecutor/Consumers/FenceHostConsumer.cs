using MassTransit;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;

namespace ThreeRC.HypervisorExecutor.Consumers;

public sealed class FenceHostConsumer(IHypervisorExecutor executor, TimeProvider time, ILogger<FenceHostConsumer> logger) : IConsumer<FenceHost>
{
    public async Task Consume(ConsumeContext<FenceHost> context)
    {
        var command = context.Message;
        var outcome = await executor.FenceHostAsync(command, context.CancellationToken).OrFailedAsync(time, logger, context.CancellationToken);
        if (outcome.Succeeded)
            await context.Publish(new HostFenced(command.RecoveryId, command.VmName, command.CommandId, command.HostName, command.Method, outcome.Commands, outcome.At));
        else
            await context.Publish(new FenceFailed(
                command.RecoveryId, command.VmName, command.CommandId, command.HostName, command.Method, outcome.Reason!, outcome.MayHaveTakenEffect, outcome.Commands, outcome.At));
    }
}
