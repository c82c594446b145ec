using System.Text.Json;
using ThreeRC.HypervisorExecutor.Execution;

namespace ThreeRC.HypervisorExecutor.Persistence;

/// <summary>A row of the commands table: a command accepted at <see cref="StartedAt"/>, and its result once it has one.</summary>
internal sealed class CommandRecord
{
    public Guid CommandId { get; init; }

    /// <summary>The command's message type: RebootGuest, RestartVm or FenceHost.</summary>
    public string Kind { get; init; } = "";

    public Guid RecoveryId { get; init; }

    public string VmName { get; init; } = "";

    public DateTimeOffset NotAfter { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public bool? Succeeded { get; init; }

    public string? Reason { get; init; }

    public bool? MayHaveTakenEffect { get; init; }

    /// <summary>The command lines of the result, as a JSON array.</summary>
    public string? Commands { get; init; }

    /// <summary>The stored result, or null while the command has none (it runs, or the executor stopped while it ran).</summary>
    public ActionOutcome? Outcome => FinishedAt is { } at && Succeeded is { } succeeded
        ? new ActionOutcome(succeeded, Reason, JsonSerializer.Deserialize<List<string>>(Commands ?? "[]") ?? [], at) { MayHaveTakenEffect = MayHaveTakenEffect ?? false }
        : null;
}
