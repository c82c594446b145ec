using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using ThreeRC.Inventory.Model;
using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Persistence;

/// <summary>
/// Reads the whole <see cref="PlacementState"/> and writes what changed after each operation, in the operation's
/// <see cref="PlacementDecision"/>: one write that no other placement instance's runs beside. Every save that changed
/// something moves the stored generation on, so that an instance whose state in memory is older reads it again.
/// </summary>
internal sealed class PlacementStore(PlacementDatabase database, ILogger<PlacementStore> logger)
{
    /// <summary>Begins an operation: the database's write, and the generation of the state it holds.</summary>
    public async Task<PlacementDecision> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var write = await database.BeginWriteAsync(connection, cancellationToken);
            var generation = await connection.QuerySingleAsync<long>(PlacementSql.SelectGeneration, transaction: write.Transaction);
            return new PlacementDecision(connection, write, generation);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<PlacementState> LoadAsync(PlacementDecision decision, ClusterInventory inventory)
    {
        var state = new PlacementState(inventory);
        var (connection, transaction) = (decision.Connection, decision.Write.Transaction);
        var skipped = 0;
        foreach (var (vmName, hostName) in await connection.QueryAsync<(string, string)>(PlacementSql.SelectMap, transaction: transaction))
            if (state.FindVm(vmName) is { } vm) state.MoveVm(vm, hostName); else skipped++;
        foreach (var row in await connection.QueryAsync<HostRow>(PlacementSql.SelectHosts, transaction: transaction))
            if (state.FindHost(row.HostName) is { } host) row.ApplyTo(host); else skipped++;
        foreach (var reservation in await connection.QueryAsync<Reservation>(PlacementSql.SelectReservations, transaction: transaction))
            if (state.FindVm(reservation.VmName) is { } vm) state.Reserve(vm, reservation); else skipped++;
        foreach (var start in await connection.QueryAsync<RecentStart>(PlacementSql.SelectStarts, transaction: transaction))
            if (state.FindVm(start.VmName) is { } vm) state.RecordStart(vm, start); else skipped++;
        foreach (var waiting in await connection.QueryAsync<WaitingRequest>(PlacementSql.SelectWaiting, transaction: transaction)) state.Enqueue(waiting);
        foreach (var possible in await connection.QueryAsync<PossibleStart>(PlacementSql.SelectPossibleStarts, transaction: transaction))
            if (state.FindVm(possible.VmName) is { } vm) state.RecordPossibleStart(vm, possible); else skipped++;

        state.Changes.Clear();
        logger.LogInformation(
            "Loaded the placement state of generation {Generation} from {Location}: {Reservations} reservations, {Waiting} waiting requests, {PossibleStarts} possible starts; {Skipped} rows name a VM or host no longer in the inventory",
            decision.Generation, database.Location, state.Reservations.Count, state.Waiting.Count, state.PossibleStarts.Count(), skipped);
        return state;
    }

    /// <summary>Writes what the operation changed and commits; returns the generation the stored state has now.</summary>
    public async Task<long> SaveAsync(PlacementDecision decision, PlacementState state, CancellationToken cancellationToken)
    {
        var changes = state.Changes;
        var (connection, write) = (decision.Connection, decision.Write);
        if (!changes.Any)
        {
            await write.CommitAsync(cancellationToken);
            return decision.Generation;
        }

        var sync = new RowSync(connection, write.Transaction);
        await sync.RunAsync(changes.Vms, vm => state.Map.TryGetValue(vm, out var host) ? new { VmName = vm, HostName = host } : null, PlacementSql.UpsertMap, PlacementSql.DeleteMap);
        await sync.RunAsync(changes.Hosts, name => state.FindHost(name) is { } host ? HostRow.From(host) : null, PlacementSql.UpsertHost, PlacementSql.DeleteHost);
        await sync.RunAsync(changes.Reservations, id => state.Reservations.GetValueOrDefault(id), PlacementSql.UpsertReservation, PlacementSql.DeleteReservation);
        await sync.RunAsync(changes.Starts, vm => state.Starts.GetValueOrDefault(vm), PlacementSql.UpsertStart, PlacementSql.DeleteStart);
        await sync.RunAsync(changes.Waiting, id => state.Waiting.GetValueOrDefault(id), PlacementSql.UpsertWaiting, PlacementSql.DeleteWaiting);
        await sync.ReplaceAsync(changes.PossibleStarts, state.PossibleStartsOf, PlacementSql.InsertPossibleStart, PlacementSql.DeletePossibleStarts);
        await connection.ExecuteAsync(PlacementSql.NextGeneration, transaction: write.Transaction);
        await write.CommitAsync(cancellationToken);
        changes.Clear();
        return decision.Generation + 1;
    }

    /// <summary>Writes each changed key's current row, or deletes the row of a key that holds nothing now.</summary>
    private sealed class RowSync(DbConnection connection, DbTransaction transaction)
    {
        public async Task RunAsync<TKey>(IEnumerable<TKey> keys, Func<TKey, object?> current, string upsert, string delete)
        {
            var rows = keys.Select(key => (Key: key, Row: current(key))).ToList();
            var upserts = rows.Where(row => row.Row is not null).Select(row => row.Row!).ToList();
            var deletes = rows.Where(row => row.Row is null).Select(row => new { row.Key }).ToList();
            if (upserts.Count > 0) await connection.ExecuteAsync(upsert, upserts, transaction);
            if (deletes.Count > 0) await connection.ExecuteAsync(delete, deletes, transaction);
        }

        /// <summary>Deletes every row of each changed key, then writes the rows it holds now.</summary>
        public async Task ReplaceAsync<TKey>(IReadOnlyCollection<TKey> keys, Func<TKey, IEnumerable<object>> current, string insert, string deleteAll)
        {
            if (keys.Count == 0) return;
            await connection.ExecuteAsync(deleteAll, keys.Select(key => new { Key = key }).ToList(), transaction);
            var rows = keys.SelectMany(current).ToList();
            if (rows.Count > 0) await connection.ExecuteAsync(insert, rows, transaction);
        }
    }
}
