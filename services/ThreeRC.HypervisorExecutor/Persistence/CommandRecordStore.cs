using System.Text.Json;
using Dapper;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ledger;

namespace ThreeRC.HypervisorExecutor.Persistence;

/// <summary>
/// Reads and writes the commands table; every write is its own committed transaction, on the command's row alone (a row
/// write: instances sharing the store record different commands beside each other, and the same command once).
/// </summary>
internal sealed class CommandRecordStore(ExecutorDatabase database)
{
    private const string Columns = """
        command_id AS CommandId, kind AS Kind, recovery_id AS RecoveryId, vm_name AS VmName, not_after AS NotAfter,
        started_at AS StartedAt, finished_at AS FinishedAt, succeeded AS Succeeded, reason AS Reason,
        may_have_taken_effect AS MayHaveTakenEffect, commands AS Commands
        """;

    public async Task<CommandRecord?> FindAsync(Guid commandId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CommandRecord>(
            new CommandDefinition($"SELECT {Columns} FROM commands WHERE command_id = @commandId", new { commandId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records the command as started, or (with <paramref name="outcome"/>) as answered without running; false when
    /// it was recorded already (by another executor instance sharing the store).
    /// </summary>
    public async Task<bool> InsertAsync(CommandTicket ticket, DateTimeOffset startedAt, ActionOutcome? outcome, CancellationToken cancellationToken) => 1 == await WriteAsync(
        """
        INSERT INTO commands (command_id, kind, recovery_id, vm_name, not_after, started_at, finished_at, succeeded, reason, may_have_taken_effect, commands)
        VALUES (@CommandId, @Kind, @RecoveryId, @VmName, @NotAfter, @StartedAt, @FinishedAt, @Succeeded, @Reason, @MayHaveTakenEffect, @Commands)
        ON CONFLICT (command_id) DO NOTHING
        """,
        new
        {
            ticket.CommandId, ticket.Kind, ticket.RecoveryId, ticket.VmName, NotAfter = ticket.NotAfter.ToUniversalTime(), StartedAt = startedAt.ToUniversalTime(),
            FinishedAt = outcome?.At.ToUniversalTime(), outcome?.Succeeded, outcome?.Reason, outcome?.MayHaveTakenEffect, Commands = Json(outcome),
        },
        cancellationToken);

    public Task FinishAsync(Guid commandId, ActionOutcome outcome, CancellationToken cancellationToken) => WriteAsync(
        """
        UPDATE commands SET finished_at = @FinishedAt, succeeded = @Succeeded, reason = @Reason, may_have_taken_effect = @MayHaveTakenEffect, commands = @Commands
        WHERE command_id = @commandId
        """,
        new { commandId, FinishedAt = outcome.At.ToUniversalTime(), outcome.Succeeded, outcome.Reason, outcome.MayHaveTakenEffect, Commands = Json(outcome) },
        cancellationToken);

    /// <summary>Deletes the records whose not-after time is before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        WriteAsync("DELETE FROM commands WHERE not_after < @cutoff", new { cutoff = cutoff.ToUniversalTime() }, cancellationToken);

    private Task<int> WriteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        database.WriteRowsAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    private static string? Json(ActionOutcome? outcome) => outcome is null ? null : JsonSerializer.Serialize(outcome.Commands);
}
