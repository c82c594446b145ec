using MassTransit;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;

namespace ThreeRC.HypervisorExecutor.Consumers;

public sealed class RestartVmConsumer(IHypervisorExecutor executor, TimeProvider time, ILogger<RestartVmConsumer> logger) : IConsumer<RestartVm>
{
    public async Task Consume(ConsumeContext<RestartVm> context)
    {
        var command = context.Message;
        var outcome = await executor.RestartVmAsync(command, context.CancellationToken).OrFailedAsync(time, logger, context.CancellationToken);
        if (outcome.Succeeded)
            await context.Publish(new VmRestarted(command.RecoveryId, command.VmName, command.CommandId, command.HostName, outcome.Commands, outcome.At));
        else
            await context.Publish(new VmRestartFailed(command.RecoveryId, command.VmName, command.CommandId, command.HostName, outcome.Reason!, outcome.MayHaveTakenEffect, outcome.Commands, outcome.At));
    }
}
