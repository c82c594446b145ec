using Microsoft.Extensions.Options;
using ThreeRC.Persistence;

namespace ThreeRC.PxeProvisioner.Persistence;

/// <summary>
/// The provisioner's database (pxe-provisioner.db, or the schema pxe_provisioner): the install tokens, the incidents that have ended and the answers given. Durable
/// (synchronous = FULL): a power loss must not take back an ended incident, or a late command could arm a healthy VM.
/// </summary>
internal sealed class PxeDatabase(IOptions<StorageOptions> storage)
    : ServiceDatabase(storage.Value, "pxe-provisioner", typeof(PxeDatabase).Assembly, "ThreeRC.PxeProvisioner.Persistence.Scripts.", durable: true);
