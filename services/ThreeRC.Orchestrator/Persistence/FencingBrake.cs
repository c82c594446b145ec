using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Operations;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Inventory.Model;
using ThreeRC.Orchestrator.Options;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>
/// The mass-failure brake. It engages when more than <see cref="MassFailureOptions.Share"/> of the physical hosts went
/// silent within <see cref="MassFailureOptions.Window"/> (those the orchestrator was told were lost since the last
/// resume, and those the monitor found quiet at the same poll); while it is engaged no incident acts.
/// Only an operator releases it.
/// </summary>
public sealed class FencingBrake(OrchestratorDatabase database, ClusterInventory inventory, IOptions<OrchestratorOptions> options, TimeProvider time)
{
    /// <summary>Engages the brake when <paramref name="quiet"/> and the hosts lost lately are too many; returns the alert, or null.</summary>
    /// <remarks>
    /// Every caller has recorded its own host as down before it counts. The count is made first without the write
    /// lock, so that a wave of lost hosts does not queue for it: whichever caller counts last sees every host the
    /// others recorded, and only a caller that finds too many takes the lock and counts again.
    /// </remarks>
    public async Task<FencingHalted?> EngageIfTooManyAsync(IReadOnlyCollection<string> quiet)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync();
        if (await TooManySilentAsync(connection, null, quiet, now) is null) return null;

        await using var write = await database.BeginWriteAsync(connection);
        if (await TooManySilentAsync(connection, write.Transaction, quiet, now) is not { } silent) return null;
        var settings = options.Value.MassFailure;
        var hosts = inventory.Hosts.Count;
        var reason = $"{silent.Count} of {hosts} physical hosts went silent within {settings.Window.TotalSeconds:0.#} s ({string.Join(", ", silent)}), " +
            $"more than {settings.Share:P0}: the monitor or its network is more likely at fault than the hosts. No host is fenced and no incident " +
            "acts until an operator who has checked the hosts resumes fencing (threerc fencing resume)";
        await connection.ExecuteAsync("UPDATE fencing_brake SET halted_at = @now, reason = @reason WHERE id = 1", new { now, reason }, write.Transaction);
        await write.CommitAsync();
        return new FencingHalted(reason, silent, hosts, now);
    }

    /// <summary>
    /// Releases the brake for <paramref name="request"/>; returns when it was released, also when this request released
    /// it before (its announcement may not have left), or null when it was not engaged.
    /// </summary>
    public async Task<DateTimeOffset?> ResumeAsync(ResumeFencing request)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync();
        await using var write = await database.BeginWriteAsync(connection);
        var released = await connection.ExecuteAsync(
            "UPDATE fencing_brake SET halted_at = NULL, reason = NULL, resumed_at = @now, resumed_by = @by WHERE id = 1 AND halted_at IS NOT NULL",
            new { now, by = request.RequestedBy }, write.Transaction);
        await write.CommitAsync();
        if (released == 1) return now;
        var last = await connection.QuerySingleOrDefaultAsync<(DateTimeOffset? ResumedAt, string? ResumedBy)>(
            "SELECT resumed_at, resumed_by FROM fencing_brake WHERE id = 1 AND halted_at IS NULL");
        return last.ResumedBy == request.RequestedBy && last.ResumedAt >= request.RequestedAt ? last.ResumedAt : null;
    }

    /// <summary>Why incidents are held now, or null when the brake is released.</summary>
    public static Task<string?> HeldBecauseAsync(DbConnection connection) =>
        connection.QuerySingleOrDefaultAsync<string?>("SELECT reason FROM fencing_brake WHERE id = 1 AND halted_at IS NOT NULL");

    /// <summary>The hosts silent within the window when they are more than the share and the brake is released; otherwise null.</summary>
    private async Task<List<string>?> TooManySilentAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<string> quiet, DateTimeOffset now)
    {
        var settings = options.Value.MassFailure;
        var brake = await connection.QuerySingleAsync<(DateTimeOffset? HaltedAt, DateTimeOffset? ResumedAt)>(
            "SELECT halted_at, resumed_at FROM fencing_brake WHERE id = 1", transaction: transaction);
        if (brake.HaltedAt is not null) return null;

        var since = Max(now - settings.Window, brake.ResumedAt);
        var lost = await connection.QueryAsync<(string Name, DateTimeOffset Since)>("SELECT name, since FROM host_status WHERE down = 1", transaction: transaction);
        var silent = lost.Where(host => host.Since >= since).Select(host => host.Name)
            .Union(quiet.Where(name => inventory.FindHost(name) is not null)).Order(StringComparer.Ordinal).ToList();
        return silent.Count > settings.Share * inventory.Hosts.Count ? silent : null;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;
}
