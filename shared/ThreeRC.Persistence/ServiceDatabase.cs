using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using ThreeRC.Persistence.Dialects;

namespace ThreeRC.Persistence;

/// <summary>
/// One service's database: its SQLite file (<c>NAME.db</c> under <c>Storage:DataDirectory</c>), or its schema
/// <c>NAME</c> in the PostgreSQL database every instance of the service shares. Its schema is brought up to date,
/// once, before the first connection is handed out, by the numbered SQL scripts of the provider embedded in the
/// service's assembly (<c>Persistence/Scripts/Sqlite</c> or <c>Persistence/Scripts/PostgreSql</c>).
/// </summary>
public abstract partial class ServiceDatabase : IAsyncDisposable
{
    private readonly Lazy<Task> _migration;

    /// <param name="storage">The <c>Storage</c> settings.</param>
    /// <param name="name">The service's name: its file's name without <c>.db</c>; with PostgreSQL its schema, dashes as underscores.</param>
    /// <param name="scripts">The assembly holding the schema scripts as embedded resources.</param>
    /// <param name="scriptNamespace">The resource name prefix of the scripts' folders, such as "ThreeRC.Placement.Persistence.Scripts.".</param>
    /// <param name="durable">
    /// Whether every commit must reach the disk before it returns: for a record of what was decided or done that a power
    /// loss must not take back. PostgreSQL's commits always do; a SQLite file otherwise may lose its last commits on a
    /// power loss (never on a crash of the process).
    /// </param>
    protected ServiceDatabase(StorageOptions storage, string name, Assembly scripts, string scriptNamespace, bool durable = false)
    {
        DapperTypeHandlers.Register();
        Dialect = storage.Provider switch
        {
            StorageProvider.Sqlite => new SqliteDialect(Path.Combine(storage.DataDirectory, name + ".db"), durable),
            StorageProvider.PostgreSql => new PostgreSqlDialect(
                storage.ConnectionString ?? throw new InvalidOperationException("Storage:ConnectionString is required with Storage:Provider PostgreSql"),
                storage.Password,
                Schema(name)),
            var other => throw new InvalidOperationException($"Storage:Provider '{other}' is not Sqlite or PostgreSql"),
        };
        _migration = new Lazy<Task>(() => new SchemaMigrator(Dialect, scripts, scriptNamespace + Dialect.ScriptFolder + ".").MigrateAsync());
    }

    /// <summary>What differs between the providers.</summary>
    public StorageDialect Dialect { get; }

    /// <summary>Where the data lives: the file's full path, or the schema and server.</summary>
    public string Location => Dialect.Location;

    /// <summary>Opens a connection to a migrated database.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await _migration.Value.WaitAsync(cancellationToken);
        return await Dialect.OpenAsync(cancellationToken);
    }

    /// <summary>
    /// Begins a transaction on <paramref name="connection"/> that no other write to this database runs beside, in
    /// this process or another instance of the service. Commit it before disposing it; a disposed, uncommitted write
    /// rolls back.
    /// </summary>
    public Task<DatabaseWrite> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        Dialect.BeginWriteAsync(connection, cancellationToken);

    /// <summary>
    /// Begins a transaction on <paramref name="connection"/> whose correctness rests on its rows' keys and versions
    /// alone: on PostgreSQL other instances' writes run beside it; in a SQLite file it still runs alone.
    /// </summary>
    public Task<DatabaseWrite> BeginRowWriteAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        Dialect.BeginRowWriteAsync(connection, cancellationToken);

    /// <summary>Opens a connection and runs <paramref name="work"/> in one write (<see cref="BeginWriteAsync"/>): all of it is stored, or none.</summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken = default) =>
        RunAsync(BeginWriteAsync, work, cancellationToken);

    /// <summary>Opens a connection and runs <paramref name="work"/> in one row write (<see cref="BeginRowWriteAsync"/>): all of it is stored, or none.</summary>
    public Task<T> WriteRowsAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken = default) =>
        RunAsync(BeginRowWriteAsync, work, cancellationToken);

    private async Task<T> RunAsync<T>(
        Func<DbConnection, CancellationToken, Task<DatabaseWrite>> begin, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var write = await begin(connection, cancellationToken);
        var result = await work(connection, write.Transaction);
        await write.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Brings the schema up to date now rather than on the first <see cref="OpenAsync"/>.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => _migration.Value.WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Dialect is IAsyncDisposable disposable) await disposable.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static string Schema(string name)
    {
        var schema = name.Replace('-', '_');
        return SchemaName().IsMatch(schema) ? schema : throw new ArgumentException($"'{name}' cannot name a schema", nameof(name));
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex SchemaName();
}
