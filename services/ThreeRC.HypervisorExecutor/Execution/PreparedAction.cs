using ThreeRC.HypervisorExecutor.Commands;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>An action whose every value has been checked: the commands it may run, and how to run them.</summary>
/// <param name="Plan">The command lines it may run, with the conditions under which they run, for dry runs and logs.</param>
/// <param name="Run">Runs it, recording each command line; throws when it cannot be done.</param>
public sealed record PreparedAction(IReadOnlyList<string> Plan, Func<CommandLog, CancellationToken, Task> Run);
