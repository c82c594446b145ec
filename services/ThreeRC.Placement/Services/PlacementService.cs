using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Inventory.Model;
using ThreeRC.Placement.Engine;
using ThreeRC.Placement.Options;
using ThreeRC.Placement.Persistence;

namespace ThreeRC.Placement.Services;

/// <summary>
/// Runs one <see cref="PlacementEngine"/> operation at a time on the state loaded from placement.db, and saves what
/// it changed before anyone sees the result. When an operation or its save fails, the state in memory is dropped and read again from
/// the file at the next operation, so memory never runs ahead of the file.
/// </summary>
internal sealed class PlacementService(
    PlacementStore store,
    ClusterInventory inventory,
    IOptions<PlacementOptions> options,
    TimeProvider time,
    ILogger<PlacementEngine> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PlacementEngine? _engine;

    /// <summary>Reads the state from the file now rather than at the first message.</summary>
    public Task LoadAsync(CancellationToken cancellationToken) => RunAsync(_ => true, cancellationToken);

    public async Task<T> RunAsync<T>(Func<PlacementEngine, DateTimeOffset, T> operation, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _engine ??= new PlacementEngine(await store.LoadAsync(inventory, cancellationToken), options.Value, logger);
            var result = operation(_engine, time.GetUtcNow());
            await store.SaveAsync(_engine.State, cancellationToken);
            return result;
        }
        catch
        {
            _engine = null;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<T> RunAsync<T>(Func<PlacementEngine, T> operation, CancellationToken cancellationToken = default) =>
        RunAsync((engine, _) => operation(engine), cancellationToken);

    public Task RunAsync(Action<PlacementEngine> operation, CancellationToken cancellationToken = default) =>
        RunAsync(engine =>
        {
            operation(engine);
            return true;
        }, cancellationToken);
}
