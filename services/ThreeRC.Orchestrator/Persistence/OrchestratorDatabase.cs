using Microsoft.Extensions.Options;
using ThreeRC.Persistence;

namespace ThreeRC.Orchestrator.Persistence;

/// <summary>The orchestrator's SQLite file: the recovery saga table, storm-control slots, host status and maintenance.</summary>
public sealed class OrchestratorDatabase(IOptions<StorageOptions> storage)
    : SqliteDatabase(Path.Combine(storage.Value.DataDirectory, "orchestrator.db"), typeof(OrchestratorDatabase).Assembly,
        "ThreeRC.Orchestrator.Persistence.Scripts.");
