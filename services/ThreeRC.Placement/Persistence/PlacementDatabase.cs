using Microsoft.Extensions.Options;
using ThreeRC.Persistence;

namespace ThreeRC.Placement.Persistence;

/// <summary>placement.db under <c>Storage:DataDirectory</c>: the map, the hosts' states, the reservations and the queue.</summary>
internal sealed class PlacementDatabase(IOptions<StorageOptions> storage)
    : SqliteDatabase(Path.Combine(storage.Value.DataDirectory, FileName), typeof(PlacementDatabase).Assembly, "ThreeRC.Placement.Persistence.Scripts.")
{
    public const string FileName = "placement.db";
}
