using System.Collections.Concurrent;
using System.Threading.Channels;
using MassTransit;
using ThreeRC.Contracts.Operations;

namespace ThreeRC.Api.Preflight;

/// <summary>
/// The preflights this Api instance asked for: each publishes <see cref="RunPreflight"/> and gathers the answers of
/// every process, until every module has answered and <see cref="Quiet"/> has passed without another answer (a
/// second instance of a service answers about as fast as the first), or the wait is over.
/// </summary>
public sealed class PreflightRounds(IBus bus, TimeProvider time)
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, Channel<PreflightAnswered>> _rounds = new();

    public async Task<IReadOnlyList<PreflightAnswered>> RunAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var id = NewId.NextGuid();
        var answers = Channel.CreateUnbounded<PreflightAnswered>();
        _rounds[id] = answers;
        try
        {
            await bus.Publish(new RunPreflight(id, time.GetUtcNow()), cancellationToken);
            return await GatherAsync(answers.Reader, wait, cancellationToken);
        }
        finally
        {
            _rounds.TryRemove(id, out _);
        }
    }

    /// <summary>An answer to one of this instance's rounds; answers to other instances' rounds are not this one's.</summary>
    public void Answered(PreflightAnswered answer)
    {
        if (_rounds.TryGetValue(answer.PreflightId, out var round)) round.Writer.TryWrite(answer);
    }

    private async Task<IReadOnlyList<PreflightAnswered>> GatherAsync(ChannelReader<PreflightAnswered> answers, TimeSpan wait, CancellationToken cancellationToken)
    {
        var gathered = new List<PreflightAnswered>();
        using var over = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        over.CancelAfter(wait);
        try
        {
            while (true)
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(over.Token);
                if (AllModules(gathered)) quiet.CancelAfter(Quiet);
                gathered.Add(await answers.ReadAsync(quiet.Token));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return gathered;
        }
    }

    private static bool AllModules(IEnumerable<PreflightAnswered> answers) =>
        PreflightModules.All.All(module => answers.Any(answer => answer.Modules.Contains(module)));
}
