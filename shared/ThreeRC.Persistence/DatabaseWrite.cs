using System.Data.Common;

namespace ThreeRC.Persistence;

/// <summary>A write transaction and the turn that makes it the only one; disposing it rolls back what was not committed and gives the turn back.</summary>
public sealed class DatabaseWrite(DbTransaction transaction, IDisposable? turn = null) : IAsyncDisposable
{
    public DbTransaction Transaction { get; } = transaction;

    public Task CommitAsync(CancellationToken cancellationToken = default) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync();
        }
        finally
        {
            turn?.Dispose();
        }
    }
}
