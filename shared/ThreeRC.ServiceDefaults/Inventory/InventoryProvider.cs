using System.Collections.Concurrent;
using ThreeRC.Inventory.Loading;
using ThreeRC.Inventory.Model;

namespace ThreeRC.ServiceDefaults.Inventory;

/// <summary>Loads an inventory file once; the validator at start and every consumer share that one copy.</summary>
internal sealed class InventoryProvider
{
    private readonly ConcurrentDictionary<string, Lazy<ClusterInventory>> _loaded = new();

    public ClusterInventory Load(string path) =>
        _loaded.GetOrAdd(path, file => new Lazy<ClusterInventory>(() => InventoryLoader.Load(file))).Value;
}
