using System.Collections.Concurrent;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Lab.Progress;

/// <summary>What the orchestrator is doing for each VM now, and how its incidents ended, as the lab's table shows it.</summary>
public sealed class RecoveryBoard
{
    private readonly ConcurrentDictionary<string, RecoveryStepStarted> _steps = new();
    private readonly ConcurrentDictionary<RecoveryOutcome, int> _outcomes = new();

    public void Step(RecoveryStepStarted step) => _steps[step.VmName] = step;

    public void Completed(RecoveryCompleted completed)
    {
        _steps.TryRemove(completed.VmName, out _);
        _outcomes.AddOrUpdate(completed.Outcome, 1, (_, n) => n + 1);
    }

    public RecoveryStepStarted? StepOf(string vm) => _steps.GetValueOrDefault(vm);

    public int Count(RecoveryOutcome outcome) => _outcomes.GetValueOrDefault(outcome);
}
