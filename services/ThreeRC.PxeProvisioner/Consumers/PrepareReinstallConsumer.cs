using MassTransit;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.PxeProvisioner.Provisioning;

namespace ThreeRC.PxeProvisioner.Consumers;

internal sealed class PrepareReinstallConsumer(ReinstallPreparer preparer) : IConsumer<PrepareReinstall>
{
    public async Task Consume(ConsumeContext<PrepareReinstall> context)
    {
        var command = context.Message;
        var outcome = await preparer.PrepareAsync(command, context.CancellationToken);
        await (outcome switch
        {
            ReinstallReady ready => context.Publish(
                new ReinstallPrepared(command.RecoveryId, command.VmName, command.CommandId, command.Profile, ready.PxeConfigFile, ready.At)),
            ReinstallDenied denied => context.Publish(new ReinstallRefused(command.RecoveryId, command.VmName, command.CommandId, denied.Reason, denied.At)),
            _ => throw new InvalidOperationException($"unknown reinstall outcome {outcome}"),
        });
    }
}
