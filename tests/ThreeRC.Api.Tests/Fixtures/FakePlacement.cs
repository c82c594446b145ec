using System.Collections.Concurrent;
using MassTransit;
using ThreeRC.Contracts.Placement;

namespace ThreeRC.Api.Tests.Fixtures;

/// <summary>What the fake placement answers, per VM; a VM without an answer gets none (placement is "down" for it).</summary>
public sealed class PlacementAnswers
{
    public ConcurrentDictionary<string, PlacementPreview> Answers { get; } = new();

    public ConcurrentQueue<PreviewPlacement> Asked { get; } = new();
}

/// <summary>Stands in for the placement service's answer to previews.</summary>
public sealed class FakePlacement(PlacementAnswers answers) : IConsumer<PreviewPlacement>
{
    public async Task Consume(ConsumeContext<PreviewPlacement> context)
    {
        answers.Asked.Enqueue(context.Message);
        if (answers.Answers.TryGetValue(context.Message.VmName, out var answer)) await context.RespondAsync(answer);
    }
}
