using System.Data.Common;
using ThreeRC.Inventory.Model;
using ThreeRC.Persistence;
using ThreeRC.PxeProvisioner.Persistence;

namespace ThreeRC.PxeProvisioner.Provisioning;

/// <summary>A pending install whose token was accepted, and the open transaction that checked it.</summary>
internal sealed record VerifiedInstall(VirtualMachine Vm, string PxeConfigFile, IssuedToken Token, DbConnection Connection, DatabaseWrite Write)
    : IAsyncDisposable
{
    public DbTransaction Transaction => Write.Transaction;

    public async ValueTask DisposeAsync()
    {
        await Write.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
