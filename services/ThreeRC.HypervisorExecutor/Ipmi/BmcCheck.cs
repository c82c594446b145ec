using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Health;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.Inventory.Model;
using ThreeRC.ServiceDefaults.Hosting;

namespace ThreeRC.HypervisorExecutor.Ipmi;

/// <summary>
/// Asks every BMC of the inventory its power status at start and every <c>Executor:Ipmi:CheckInterval</c>: a wrong
/// password, a BMC that stopped answering or one whose session is refused is reported before a fence needs it. Only
/// changes are logged. Nothing is asked in dry run.
/// </summary>
internal sealed class BmcCheck(ClusterInventory inventory, IpmiFencing ipmi, IOptions<ExecutorOptions> options, TimeProvider time, ILogger<BmcCheck> logger)
    : PeriodicWork(time, logger)
{
    private static readonly Action<ILogger, string, string, Exception?> Failing = LoggerMessage.Define<string, string>(LogLevel.Warning, default,
        "{Bmc} fails: {Reason}; fencing through it will fail until it is fixed");

    private static readonly Action<ILogger, string, Exception?> Answering = LoggerMessage.Define<string>(LogLevel.Information, default,
        "{Bmc} answers its power status");

    /// <summary>Each BMC checked so far, "BMC 10.0.0.11:623 of alfa01" → why it failed, or null when it answered.</summary>
    public CheckResults Results { get; } = new(logger, Failing, Answering);

    /// <summary>Asks every BMC once; the failures, by BMC.</summary>
    public Task<IReadOnlyDictionary<string, string>> CheckAsync(CancellationToken cancellationToken) =>
        Results.CheckAllAsync(
            inventory.Hosts.SelectMany(host => host.Fencing.Select(method => method.Ipmi).OfType<IpmiSettings>()
                .Select(bmc => (Name: $"BMC {bmc.Address}:{bmc.Port} of {host.Name}", Bmc: bmc))),
            bmc => bmc.Name, (bmc, token) => ipmi.PowerStatusAsync(bmc.Bmc, token), cancellationToken);

    protected override TimeSpan Interval => options.Value.DryRun ? TimeSpan.Zero : options.Value.Ipmi.CheckInterval;

    protected override string Name => "The BMC check";

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => CheckAsync(cancellationToken);
}
