using Microsoft.Extensions.Options;
using ThreeRC.Persistence;

namespace ThreeRC.PxeProvisioner.Persistence;

/// <summary>
/// The provisioner's SQLite file: the install tokens, the incidents that have ended and the answers given. Durable
/// (synchronous = FULL): a power loss must not take back an ended incident, or a late command could arm a healthy VM.
/// </summary>
internal sealed class PxeDatabase(IOptions<StorageOptions> storage)
    : SqliteDatabase(Path.Combine(storage.Value.DataDirectory, "pxe-provisioner.db"), typeof(PxeDatabase).Assembly, "ThreeRC.PxeProvisioner.Persistence.Scripts.", durable: true);
