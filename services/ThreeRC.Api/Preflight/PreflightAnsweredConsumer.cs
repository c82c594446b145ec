using MassTransit;
using ThreeRC.Contracts.Operations;

namespace ThreeRC.Api.Preflight;

/// <summary>Hands each process's preflight answer to the round that asked for it.</summary>
public sealed class PreflightAnsweredConsumer(PreflightRounds rounds) : IConsumer<PreflightAnswered>
{
    public Task Consume(ConsumeContext<PreflightAnswered> context)
    {
        rounds.Answered(context.Message);
        return Task.CompletedTask;
    }
}
