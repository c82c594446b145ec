using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Persistence;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Ipmi;

/// <summary>
/// Fences a host by powering it off through its BMC, then asking its power status until it reports off; requests
/// for one BMC at the same time share one fence (<see cref="ChassisFences"/>), and one fence of a BMC runs at a time
/// across the executor instances sharing the store (<see cref="InstanceLeases"/>).
/// </summary>
internal sealed class IpmiFencing(IpmiTool tool, ChassisFences fences, InstanceLeases leases, IOptions<ExecutorOptions> options, TimeProvider time)
{
    private const string PoweredOff = "Chassis Power is off";

    /// <summary>The commands a fence of <paramref name="bmc"/> may run, with their conditions; building it checks every value.</summary>
    public IReadOnlyList<string> Plan(IpmiSettings bmc)
    {
        var timeout = options.Value.Ipmi.PowerOffTimeout;
        return
        [
            PowerOff(bmc).ToString(),
            $"{PowerStatus(bmc)}   [every {options.Value.Ipmi.PollInterval.TotalSeconds:0.###} s until '{PoweredOff}', at most {timeout.TotalSeconds:0.###} s]",
        ];
    }

    /// <summary>Fences the chassis, or joins the fence of it under way; the commands of every fence waited for go into <paramref name="log"/>.</summary>
    public Task FenceAsync(IpmiSettings bmc, CommandLog log, CancellationToken cancellationToken)
    {
        var (off, status) = (PowerOff(bmc), PowerStatus(bmc));
        return fences.FenceAsync(bmc, async (shared, token) =>
        {
            var ipmi = options.Value.Ipmi;
            await using var place = await leases.TakeAsync($"bmc:{bmc.Address}:{bmc.Port}", 1, ipmi.CommandTimeout * 2 + ipmi.PowerOffTimeout, token);
            return await PowerOffAsync(bmc, off, status, shared, token);
        }, log, cancellationToken);
    }

    /// <summary>What the BMC answers to a power status request, such as "Chassis Power is on".</summary>
    public async Task<string> PowerStatusAsync(IpmiSettings bmc, CancellationToken cancellationToken)
    {
        var result = await tool.RunAsync(PowerStatus(bmc), new CommandLog(), cancellationToken);
        return result.Succeeded ? result.Output.Trim() : throw new ActionFailedException($"{PowerStatus(bmc)} failed with {result.Summary}");
    }

    /// <summary>Returns the <see cref="ChassisFences.Stamp"/> of the status call that reported the chassis off.</summary>
    private async Task<long> PowerOffAsync(IpmiSettings bmc, IpmiCall off, IpmiCall status, CommandLog log, CancellationToken cancellationToken)
    {
        var result = await tool.RunAsync(off, log, cancellationToken);
        if (!result.Succeeded) throw new ActionFailedException($"BMC {bmc.Address}: power off failed with {result.Summary}");

        var timeout = options.Value.Ipmi.PowerOffTimeout;
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var asked = fences.Stamp();
            result = await tool.RunAsync(status, log, cancellationToken);
            if (result.Succeeded && result.Output.Contains(PoweredOff, StringComparison.Ordinal)) return asked;
            if (time.GetUtcNow() >= deadline)
                throw new ActionFailedException(
                    $"BMC {bmc.Address}: the chassis did not report power off within {timeout.TotalSeconds:0.###} s (last answer: {Answer(result)})");
            await Task.Delay(options.Value.Ipmi.PollInterval, time, cancellationToken);
        }
    }

    private IpmiCall PowerOff(IpmiSettings bmc) => tool.Prepare(bmc, "chassis", "power", "off");

    private IpmiCall PowerStatus(IpmiSettings bmc) => tool.Prepare(bmc, "chassis", "power", "status") with { ReadsOnly = true };

    private static string Answer(Ssh.CommandOutput result) => result.Succeeded ? result.Output.Trim() : result.Summary;
}
