using Microsoft.Data.Sqlite;

namespace ThreeRC.Persistence.Sagas;

/// <summary>The database's write turn and an immediate transaction; disposing it rolls back what was not committed and gives the turn back.</summary>
public sealed class SagaWrite(IDisposable turn, SqliteTransaction transaction) : IAsyncDisposable
{
    public SqliteTransaction Transaction { get; } = transaction;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync();
        }
        finally
        {
            turn.Dispose();
        }
    }
}
