using MassTransit;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ledger;

namespace ThreeRC.HypervisorExecutor.Consumers;

internal sealed class FenceHostConsumer(CommandLedger ledger, IHostFencer fencer) : IConsumer<FenceHost>
{
    public async Task Consume(ConsumeContext<FenceHost> context)
    {
        var command = context.Message;
        using var turn = await ledger.BeginAsync(CommandTicket.Of(command), context.CancellationToken);
        var outcome = turn.Answer ?? await turn.FinishAsync(fencer.FenceHostAsync(command, context.CancellationToken));
        if (outcome.Succeeded)
            await context.Publish(new HostFenced(command.RecoveryId, command.VmName, command.CommandId, command.HostName, command.Method, outcome.Commands, outcome.At));
        else
            await context.Publish(new FenceFailed(
                command.RecoveryId, command.VmName, command.CommandId, command.HostName, command.Method, outcome.Reason!, outcome.MayHaveTakenEffect, outcome.Commands, outcome.At));
    }
}
