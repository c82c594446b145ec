using MassTransit;
using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ledger;

namespace ThreeRC.HypervisorExecutor.Consumers;

internal sealed class FenceHostConsumer(CommandLedger ledger, IHypervisorExecutor executor, TimeProvider time, ILogger<FenceHostConsumer> logger) : IConsumer<FenceHost>
{
    public async Task Consume(ConsumeContext<FenceHost> context)
    {
        var command = context.Message;
        var outcome = await ledger.RunOnceAsync(
            CommandTicket.Of(command), cancel => executor.FenceHostAsync(command, cancel).OrFailedAsync(time, logger, cancel), context.CancellationToken);
        if (outcome.Succeeded)
            await context.Publish(new HostFenced(command.RecoveryId, command.VmName, command.CommandId, command.HostName, command.Method, outcome.Commands, outcome.At));
        else
            await context.Publish(new FenceFailed(
                command.RecoveryId, command.VmName, command.CommandId, command.HostName, command.Method, outcome.Reason!, outcome.MayHaveTakenEffect, outcome.Commands, outcome.At));
    }
}
