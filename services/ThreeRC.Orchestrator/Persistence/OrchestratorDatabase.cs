using Microsoft.Extensions.Options;
using ThreeRC.Persistence;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>
/// The orchestrator's SQLite file: the recovery saga table with its inbox and outbox, storm-control slots, host status,
/// maintenance and the mass-failure brake. Every commit reaches the disk before the messages it publishes leave.
/// </summary>
public sealed class OrchestratorDatabase(IOptions<StorageOptions> storage)
    : SqliteDatabase(Path.Combine(storage.Value.DataDirectory, "orchestrator.db"), typeof(OrchestratorDatabase).Assembly,
        "ThreeRC.Orchestrator.Persistence.Scripts.", durable: true);
