using Microsoft.Extensions.Options;
using ThreeRC.Persistence;

namespace ThreeRC.PxeProvisioner.Persistence;

/// <summary>The provisioner's SQLite file: the install tokens.</summary>
internal sealed class PxeDatabase(IOptions<StorageOptions> storage)
    : SqliteDatabase(Path.Combine(storage.Value.DataDirectory, "pxe-provisioner.db"), typeof(PxeDatabase).Assembly, "ThreeRC.PxeProvisioner.Persistence.Scripts.");
