using Microsoft.Data.Sqlite;
using ThreeRC.Inventory.Model;
using ThreeRC.PxeProvisioner.Persistence;

namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>A pending install whose token was accepted, and the open transaction that checked it.</summary>
internal sealed record VerifiedInstall(VirtualMachine Vm, string PxeConfigFile, IssuedToken Token, SqliteConnection Connection, SqliteTransaction Transaction)
    : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
