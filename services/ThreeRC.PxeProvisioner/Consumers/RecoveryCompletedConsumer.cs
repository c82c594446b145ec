using MassTransit;
using ThreeRC.Contracts.Recovery;
using ThreeRC.PxeProvisioner.Provisioning;

namespace ThreeRC.PxeProvisioner.Consumers;

internal sealed class RecoveryCompletedConsumer(IncidentEndings endings) : IConsumer<RecoveryCompleted>
{
    public Task Consume(ConsumeContext<RecoveryCompleted> context) => endings.EndAsync(context.Message, context.CancellationToken);
}
