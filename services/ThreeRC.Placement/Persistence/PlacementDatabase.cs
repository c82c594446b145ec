using Microsoft.Extensions.Options;
using ThreeRC.Persistence;

namespace ThreeRC.Placement.Persistence;

/// <summary>placement.db under <c>Storage:DataDirectory</c>, or the schema placement: the map, the hosts' states, the reservations and the queue.</summary>
internal sealed class PlacementDatabase(IOptions<StorageOptions> storage)
    : ServiceDatabase(storage.Value, "placement", typeof(PlacementDatabase).Assembly, "ThreeRC.Placement.Persistence.Scripts.");
