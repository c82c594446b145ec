using MassTransit;
using ThreeRC.Contracts.Operations;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.Consumers;

/// <summary>An operator lifts the mass-failure brake: the incidents it held go on at their next slot request.</summary>
public sealed class ResumeFencingConsumer(FencingBrake brake, ILogger<ResumeFencingConsumer> logger) : IConsumer<ResumeFencing>
{
    public async Task Consume(ConsumeContext<ResumeFencing> context)
    {
        var request = context.Message;
        if (await brake.ResumeAsync(request) is not { } resumedAt)
        {
            logger.LogInformation("{Operator} asked to resume fencing ({Reason}), but it was not halted", request.RequestedBy, request.Reason);
            return;
        }

        logger.LogWarning("Fencing resumed by {Operator}: {Reason}", request.RequestedBy, request.Reason);
        await context.Publish(new FencingResumed(request.Reason, request.RequestedBy, resumedAt));
    }
}
