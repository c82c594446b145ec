using System.Reflection;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreeRC.Persistence;

/// <summary>
/// One service's SQLite file in WAL mode. Its schema is brought up to date, once, before the first
/// connection is handed out, by the numbered SQL scripts embedded in the service's assembly.
/// </summary>
public abstract class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _migration;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConditionalWeakTable<object, object> _preparedHandles = [];
    private readonly string _synchronous;
    private bool _folderCreated;

    /// <param name="file">The database file.</param>
    /// <param name="scripts">The assembly holding the schema scripts as embedded resources.</param>
    /// <param name="scriptPrefix">The resource name prefix of the scripts, such as "ThreeRC.Placement.Persistence.Scripts.".</param>
    /// <param name="durable">
    /// Whether every commit must reach the disk before it returns (<c>synchronous = FULL</c>): for a record of what was
    /// decided or done that a power loss must not take back. Otherwise WAL's <c>NORMAL</c>, which survives a crash of
    /// the process but may lose the last commits on a power loss.
    /// </param>
    protected SqliteDatabase(string file, Assembly scripts, string scriptPrefix, bool durable = false)
    {
        _synchronous = durable ? "FULL" : "NORMAL";
        SqliteTypeHandlers.Register();
        File = Path.GetFullPath(file);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = File,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _migration = new Lazy<Task>(() => new SchemaMigrator(this, scripts, scriptPrefix).MigrateAsync());
    }

    /// <summary>The database file's full path.</summary>
    public string File { get; }

    /// <summary>Opens a connection to a migrated database.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await _migration.Value.WaitAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>
    /// Serialises this process's writes to the file. SQLite allows one writer at a time and makes a second one
    /// sleep and retry; queueing writers here instead keeps throughput up under load. Dispose to leave.
    /// </summary>
    public async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken);
        return new WriteTurn(_writeGate);
    }

    /// <summary>Brings the schema up to date now rather than on the first <see cref="OpenAsync"/>.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => _migration.Value.WaitAsync(cancellationToken);

    internal async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        if (!_folderCreated)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(File)!);
            _folderCreated = true;
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);

        // Pooled connections keep their SQLite handle: its settings are made once, when the handle is new.
        if (!_preparedHandles.TryGetValue(connection.Handle!, out _))
        {
            await connection.ExecuteAsync($"PRAGMA journal_mode = WAL; PRAGMA synchronous = {_synchronous}; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;");
            _preparedHandles.TryAdd(connection.Handle!, connection.Handle!);
        }

        return connection;
    }

    private sealed class WriteTurn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
