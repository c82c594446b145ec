using Microsoft.Extensions.Options;
using ThreeRC.Persistence;

namespace ThreeRC.HypervisorExecutor.Persistence;

/// <summary>
/// executor_leases.db under <c>Storage:DataDirectory</c>, or the schema executor_leases: the hosts' and BMCs' places in
/// use by the executor instances that share the store. Not durable: after a power loss every lease has lapsed anyway.
/// </summary>
internal sealed class LeaseDatabase(IOptions<StorageOptions> storage)
    : ServiceDatabase(storage.Value, "executor_leases", typeof(LeaseDatabase).Assembly, "ThreeRC.HypervisorExecutor.Persistence.LeaseScripts.");
