using Microsoft.Extensions.Options;
using ThreeRC.Persistence;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>
/// The orchestrator's database (orchestrator.db, or the schema orchestrator): the recovery saga table with its inbox and outbox, storm-control slots, host status,
/// maintenance and the mass-failure brake. Every commit reaches the disk before the messages it publishes leave.
/// </summary>
public sealed class OrchestratorDatabase(IOptions<StorageOptions> storage)
    : ServiceDatabase(storage.Value, "orchestrator", typeof(OrchestratorDatabase).Assembly, "ThreeRC.Orchestrator.Persistence.Scripts.", durable: true);
