using System.Data.Common;

namespace ThreeRC.Persistence.Dialects;

/// <summary>
/// What differs between the storage providers for one service's database: how it is reached, how a write is made the
/// only one at a time, how a duplicate key reads, and the folder of its schema scripts. Every other statement is
/// written once, in SQL both providers run.
/// </summary>
public abstract class StorageDialect
{
    /// <summary>The folder of the service's schema scripts under <c>Persistence/Scripts</c>.</summary>
    public abstract string ScriptFolder { get; }

    /// <summary>Where the data lives, for log lines and errors: a file, or a schema on a server.</summary>
    public abstract string Location { get; }

    /// <summary>The column that orders rows by insertion where a table has no key of its own for it.</summary>
    public abstract string InsertionOrder { get; }

    /// <summary>Opens a connection, set up for the service.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction that no other write to this service's data runs beside, in this process or any other
    /// instance of the service: reads in it see what the writes before it committed.
    /// </summary>
    public abstract Task<DatabaseWrite> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction whose correctness rests on its rows' keys and versions alone, not on what other rows say:
    /// other instances' writes may run beside it, and a row it changes waits for, or fails against, theirs.
    /// </summary>
    public abstract Task<DatabaseWrite> BeginRowWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// What ends a <c>SELECT</c> of rows that a write is about to claim, so that claims running beside each other take
    /// different rows: <c>FOR UPDATE SKIP LOCKED</c> where writes run beside each other, nothing where they never do.
    /// </summary>
    public abstract string SkipLockedRows { get; }

    /// <summary>Prepares the database for its schema scripts and makes every other instance's migration wait for this one.</summary>
    public abstract Task<IAsyncDisposable> BeginMigrationAsync(DbConnection connection);

    /// <summary>Whether <paramref name="exception"/> says that a row with the same key exists.</summary>
    public abstract bool IsDuplicateKey(Exception exception);

    /// <summary>Empties the connection pools, so that nothing holds the database open.</summary>
    public abstract void ClearPools();
}
