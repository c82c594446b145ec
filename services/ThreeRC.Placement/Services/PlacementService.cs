using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Inventory.Model;
using ThreeRC.Placement.Engine;
using ThreeRC.Placement.Options;
using ThreeRC.Placement.Persistence;

namespace ThreeRC.Placement.Services;

/// <summary>
/// Runs one <see cref="PlacementEngine"/> operation at a time on the stored state, and saves what it changed before
/// anyone sees the result. Each operation is one write that no other instance's runs beside; the state in memory is
/// read again when the stored one has moved on (another instance changed it) or when an operation or its save failed,
/// so memory never runs ahead of the database, and two instances never place into the same room.
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
    private long _generation;

    /// <summary>Reads the state from the database now rather than at the first message.</summary>
    public Task LoadAsync(CancellationToken cancellationToken) => RunAsync(_ => true, cancellationToken);

    public async Task<T> RunAsync<T>(Func<PlacementEngine, DateTimeOffset, T> operation, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var decision = await store.BeginAsync(cancellationToken);
            if (_engine is null || _generation != decision.Generation)
                _engine = new PlacementEngine(await store.LoadAsync(decision, inventory), options.Value, logger);
            var result = operation(_engine, time.GetUtcNow());
            _generation = await store.SaveAsync(decision, _engine.State, cancellationToken);
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
