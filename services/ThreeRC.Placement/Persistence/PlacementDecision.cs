using System.Data.Common;
using ThreeRC.Persistence;

namespace ThreeRC.Placement.Persistence;

/// <summary>One placement operation's write, and the generation of the stored state when it began.</summary>
internal sealed record PlacementDecision(DbConnection Connection, DatabaseWrite Write, long Generation) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Write.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
