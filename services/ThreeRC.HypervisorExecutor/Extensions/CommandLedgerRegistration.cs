using Microsoft.Extensions.DependencyInjection;
using ThreeRC.Contracts.Operations;
using ThreeRC.HypervisorExecutor.Ledger;
using ThreeRC.HypervisorExecutor.Persistence;
using ThreeRC.Persistence;
using ThreeRC.ServiceDefaults.Preflight;

namespace ThreeRC.HypervisorExecutor.Extensions;

internal static class CommandLedgerRegistration
{
    /// <summary>The at-most-once record the consumers go through: executor.db, its store, the ledger and its pruning.</summary>
    public static IServiceCollection AddCommandLedger(this IServiceCollection services)
    {
        services.AddServiceDatabase<ExecutorDatabase>();
        services.AddStorePreflightCheck<ExecutorDatabase>(PreflightModules.Executor);
        services.AddSingleton<CommandRecordStore>();
        services.AddSingleton<CommandLedger>();
        services.AddHostedService<LedgerPruning>();
        return services;
    }
}
