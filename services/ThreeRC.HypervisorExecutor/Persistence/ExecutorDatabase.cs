using Microsoft.Extensions.Options;
using ThreeRC.Persistence;

namespace ThreeRC.HypervisorExecutor.Persistence;

/// <summary>
/// executor.db under <c>Storage:DataDirectory</c>, or the schema executor: the commands the executor accepted and their results. Durable
/// (synchronous = FULL): a command recorded as started must still be recorded after a power loss.
/// </summary>
internal sealed class ExecutorDatabase(IOptions<StorageOptions> storage)
    : ServiceDatabase(storage.Value, "executor", typeof(ExecutorDatabase).Assembly, "ThreeRC.HypervisorExecutor.Persistence.Scripts.", durable: true);
