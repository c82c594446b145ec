using MassTransit;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ledger;

namespace ThreeRC.HypervisorExecutor.Consumers;

internal sealed class RestartVmConsumer(CommandLedger ledger, IHypervisorExecutor executor, TimeProvider time, ILogger<RestartVmConsumer> logger) : IConsumer<RestartVm>
{
    public async Task Consume(ConsumeContext<RestartVm> context)
    {
        var command = context.Message;
        var outcome = await ledger.RunOnceAsync(
            CommandTicket.Of(command), cancel => executor.RestartVmAsync(command, cancel).OrFailedAsync(time, logger, cancel), context.CancellationToken);
        if (outcome.Succeeded)
            await context.Publish(new VmRestarted(command.RecoveryId, command.VmName, command.CommandId, command.HostName, outcome.Commands, outcome.At));
        else
            await context.Publish(new VmRestartFailed(command.RecoveryId, command.VmName, command.CommandId, command.HostName, outcome.Reason!, outcome.MayHaveTakenEffect, outcome.Commands, outcome.At));
    }
}
