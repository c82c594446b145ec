using MassTransit;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ledger;

namespace ThreeRC.HypervisorExecutor.Consumers;

internal sealed class RebootGuestConsumer(CommandLedger ledger, IGuestRebooter rebooter) : IConsumer<RebootGuest>
{
    public async Task Consume(ConsumeContext<RebootGuest> context)
    {
        var command = context.Message;
        using var turn = await ledger.BeginAsync(CommandTicket.Of(command), context.CancellationToken);
        var outcome = turn.Answer ?? await turn.FinishAsync(rebooter.RebootGuestAsync(command, context.CancellationToken));
        if (outcome.Succeeded)
            await context.Publish(new GuestRebootIssued(command.RecoveryId, command.VmName, command.CommandId, outcome.Commands.LastOrDefault() ?? "", outcome.At));
        else
            await context.Publish(new GuestRebootFailed(command.RecoveryId, command.VmName, command.CommandId, outcome.Reason!, outcome.MayHaveTakenEffect, outcome.Commands.LastOrDefault(), outcome.At));
    }
}
