using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;

namespace ThreeRC.HypervisorExecutor.Tests.Harness;

/// <summary>An executor that answers every command with the test's outcome (or exception), counting its calls; with a gate, each call waits for it.</summary>
internal sealed class ScriptedExecutor : IHypervisorExecutor
{
    private readonly ActionOutcome? _outcome;
    private readonly Exception? _failure;
    private int _calls;

    public ScriptedExecutor(ActionOutcome outcome) => _outcome = outcome;

    public ScriptedExecutor(Exception failure) => _failure = failure;

    /// <summary>When set, every call waits for it after it has been counted.</summary>
    public TaskCompletionSource? Gate { get; init; }

    /// <summary>How many commands reached the executor: each is what a real one would have run.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public Task<ActionOutcome> RebootGuestAsync(RebootGuest command, CancellationToken cancellationToken) => AnswerAsync();

    public Task<ActionOutcome> RestartVmAsync(RestartVm command, CancellationToken cancellationToken) => AnswerAsync();

    public Task<ActionOutcome> FenceHostAsync(FenceHost command, CancellationToken cancellationToken) => AnswerAsync();

    private async Task<ActionOutcome> AnswerAsync()
    {
        Interlocked.Increment(ref _calls);
        if (Gate is not null) await Gate.Task;
        return _failure is null ? _outcome! : throw _failure;
    }
}
