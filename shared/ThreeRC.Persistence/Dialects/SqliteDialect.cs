using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreeRC.Persistence.Dialects;

/// <summary>
/// A service's own SQLite file in WAL mode. SQLite allows one writer at a time and makes a second one sleep and retry;
/// this process's writers queue for their turn instead, which keeps throughput up under load.
/// </summary>
internal sealed class SqliteDialect : StorageDialect
{
    private const int ConstraintViolation = 19;
    private readonly string _file;
    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConditionalWeakTable<object, object> _preparedHandles = [];
    private bool _folderCreated;

    /// <param name="file">The database file.</param>
    /// <param name="durable">
    /// Whether every commit must reach the disk before it returns (<c>synchronous = FULL</c>); otherwise WAL's
    /// <c>NORMAL</c>, which survives a crash of the process but may lose the last commits on a power loss.
    /// </param>
    public SqliteDialect(string file, bool durable)
    {
        _file = Path.GetFullPath(file);
        _synchronous = durable ? "FULL" : "NORMAL";
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _file, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public override string ScriptFolder => "Sqlite";

    public override string Location => _file;

    public override string InsertionOrder => "rowid";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_folderCreated)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
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

    public override async Task<DatabaseWrite> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return new DatabaseWrite(((SqliteConnection)connection).BeginTransaction(deferred: false), new Turn(_writeGate));
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    /// <summary>A SQLite file has one writer at a time, whatever the write.</summary>
    public override Task<DatabaseWrite> BeginRowWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        BeginWriteAsync(connection, cancellationToken);

    public override string SkipLockedRows => "";

    public override Task<IAsyncDisposable> BeginMigrationAsync(DbConnection connection) => Task.FromResult<IAsyncDisposable>(new Turn(_writeGate, taken: false));

    public override bool IsDuplicateKey(Exception exception) => exception is SqliteException { SqliteErrorCode: ConstraintViolation };

    public override void ClearPools() => SqliteConnection.ClearAllPools();

    private sealed class Turn(SemaphoreSlim gate, bool taken = true) : IDisposable, IAsyncDisposable
    {
        private int _released = taken ? 0 : 1;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
