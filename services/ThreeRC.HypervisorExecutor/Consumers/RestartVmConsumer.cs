using MassTransit;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ledger;

namespace ThreeRC.HypervisorExecutor.Consumers;

internal sealed class RestartVmConsumer(CommandLedger ledger, IVmRestarter restarter) : IConsumer<RestartVm>
{
    public async Task Consume(ConsumeContext<RestartVm> context)
    {
        var command = context.Message;
        using var turn = await ledger.BeginAsync(CommandTicket.Of(command), context.CancellationToken);
        var outcome = turn.Answer ?? await turn.FinishAsync(restarter.RestartVmAsync(command, context.CancellationToken));
        if (outcome.Succeeded)
            await context.Publish(new VmRestarted(command.RecoveryId, command.VmName, command.CommandId, command.HostName, outcome.Commands, outcome.At));
        else
            await context.Publish(new VmRestartFailed(command.RecoveryId, command.VmName, command.CommandId, command.HostName, outcome.Reason!, outcome.MayHaveTakenEffect, outcome.Commands, outcome.At));
    }
}
