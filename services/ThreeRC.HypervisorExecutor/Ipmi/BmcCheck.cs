using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    private readonly ConcurrentDictionary<string, string?> _lastFailure = new();

    /// <summary>Each BMC checked so far, "BMC 10.0.0.11:623 of alfa01" → why it failed, or null when it answered.</summary>
    public IReadOnlyDictionary<string, string?> LastResults => _lastFailure;

    /// <summary>Asks every BMC once; the failures, by BMC.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckAsync(CancellationToken cancellationToken)
    {
        var bmcs = inventory.Hosts.SelectMany(host => host.Fencing.Select(method => method.Ipmi).OfType<IpmiSettings>()
            .Select(bmc => (Name: $"BMC {bmc.Address}:{bmc.Port} of {host.Name}", Bmc: bmc)));
        var failures = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(bmcs, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (bmc, token) =>
        {
            var failure = await AskAsync(bmc.Bmc, token);
            if (failure is not null) failures[bmc.Name] = failure;
            Report(bmc.Name, failure);
        });
        return failures;
    }

    protected override TimeSpan Interval => options.Value.DryRun ? TimeSpan.Zero : options.Value.Ipmi.CheckInterval;

    protected override string Name => "The BMC check";

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => CheckAsync(cancellationToken);

    private async Task<string?> AskAsync(IpmiSettings bmc, CancellationToken cancellationToken)
    {
        try
        {
            await ipmi.PowerStatusAsync(bmc, cancellationToken);
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong is this BMC's finding: the check must never stop the executor.
            return e.Message;
        }
    }

    private void Report(string bmc, string? failure)
    {
        var known = _lastFailure.TryGetValue(bmc, out var last);
        _lastFailure[bmc] = failure;
        if (failure is not null && failure != last)
            Logger.LogWarning("{Bmc} fails: {Reason}; fencing through it will fail until it is fixed", bmc, failure);
        else if (failure is null && (!known || last is not null))
            Logger.LogInformation("{Bmc} answers its power status", bmc);
    }
}
