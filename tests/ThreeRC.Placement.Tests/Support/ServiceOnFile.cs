using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ThreeRC.Inventory.Model;
using ThreeRC.Persistence;
using ThreeRC.Placement.Engine;
using ThreeRC.Placement.Options;
using ThreeRC.Placement.Persistence;
using ThreeRC.Placement.Services;
using ThreeRC.Testing;
using MicrosoftOptions = Microsoft.Extensions.Options.Options;

namespace ThreeRC.Placement.Tests.Support;

/// <summary>A placement service on placement.db in a folder, as the host builds it; a second one on the same folder is a restart.</summary>
internal static class ServiceOnFile
{
    public static PlacementService Start(string folder, ClusterInventory inventory, TimeProvider time, PlacementOptions? options = null)
    {
        var database = new PlacementDatabase(MicrosoftOptions.Create(TestStorage.Options(folder)));
        var store = new PlacementStore(database, NullLogger<PlacementStore>.Instance);
        return new PlacementService(store, inventory, MicrosoftOptions.Create(options ?? new PlacementOptions()), time, NullLogger<PlacementEngine>.Instance);
    }

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.FromHours(1)));
}
