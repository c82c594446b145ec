using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace ThreeRC.Persistence.Dialects;

/// <summary>
/// A service's own schema in a PostgreSQL database that every instance of the service shares. A write that decides
/// from what other rows say takes the schema's transaction-scoped advisory lock, so such writes run one at a time
/// across all the service's instances, as they do in a SQLite file, and a decision read and written in one
/// transaction is never made twice. A row write takes only the locks of the rows it changes.
/// </summary>
internal sealed class PostgreSqlDialect : StorageDialect, IAsyncDisposable
{
    private const string UniqueViolation = "23505";
    private readonly NpgsqlDataSource _source;
    private readonly string _schema;
    private readonly long _writeLock;
    private readonly long _migrationLock;

    public PostgreSqlDialect(string connectionString, string? password, string schema)
    {
        _schema = schema;
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        if (!string.IsNullOrEmpty(password)) builder.Password = password;
        Location = $"schema {schema} of database {builder.Database ?? builder.Username} on {builder.Host}";
        _source = NpgsqlDataSource.Create(builder);
        _writeLock = LockKey("write", schema);
        _migrationLock = LockKey("migration", schema);
    }

    public override string ScriptFolder => "PostgreSql";

    public override string Location { get; }

    public override string InsertionOrder => "inserted";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _source.OpenConnectionAsync(cancellationToken);

    public override async Task<DatabaseWrite> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = _writeLock }, transaction,
                cancellationToken: cancellationToken));
            return new DatabaseWrite(transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public override async Task<DatabaseWrite> BeginRowWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        new(await connection.BeginTransactionAsync(cancellationToken));

    public override string SkipLockedRows => "FOR UPDATE SKIP LOCKED";

    public override async Task<IAsyncDisposable> BeginMigrationAsync(DbConnection connection)
    {
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = _migrationLock });
        await connection.ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {_schema}");
        return new Unlock(connection, _migrationLock);
    }

    public override bool IsDuplicateKey(Exception exception) => exception is PostgresException { SqlState: UniqueViolation };

    public override void ClearPools() => _source.Clear();

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    /// <summary>A lock id of the schema's own, the same in every instance.</summary>
    private static long LockKey(string purpose, string schema) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"threerc:{purpose}:{schema}")));

    private sealed class Unlock(DbConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key });
    }
}
