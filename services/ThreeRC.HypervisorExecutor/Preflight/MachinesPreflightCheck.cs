using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Operations;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Drivers;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ipmi;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;
using ThreeRC.ServiceDefaults.Preflight;

namespace ThreeRC.HypervisorExecutor.Preflight;

/// <summary>
/// What a recovery will run, asked now with commands that change nothing: per host the SSH login with its pinned key,
/// the hypervisor's listing on the host's connection, and each BMC's power status; per VM the guest's login.
/// </summary>
internal sealed class MachinesPreflightCheck(
    ClusterInventory inventory, Machines machines, SshCommandRunner runner, IpmiFencing ipmi, ILogger<MachinesPreflightCheck> logger)
    : IPreflightCheck
{
    private const int MachinesAtOnce = 8;

    /// <summary>How long one machine's checks may take together: a machine that hangs fails alone.</summary>
    private static readonly TimeSpan MachineTimeout = TimeSpan.FromSeconds(15);

    public string Module => PreflightModules.Executor;

    public string Name => "machines";

    public async Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var machineChecks = inventory.Hosts.Select(host => (Func<CancellationToken, Task<List<PreflightFinding>>>)(token => HostAsync(host, token)))
            .Concat(inventory.Vms.Select(vm => (Func<CancellationToken, Task<List<PreflightFinding>>>)(token => GuestAsync(vm, token))))
            .ToList();
        var findings = new List<PreflightFinding>[machineChecks.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, machineChecks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MachinesAtOnce, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                using var machine = CancellationTokenSource.CreateLinkedTokenSource(token);
                machine.CancelAfter(MachineTimeout);
                findings[index] = await machineChecks[index](machine.Token);
            });
        return findings.SelectMany(found => found).ToList();
    }

    private async Task<List<PreflightFinding>> HostAsync(PhysicalHost host, CancellationToken cancellationToken)
    {
        var subject = $"host {host.Name}";
        var findings = new List<PreflightFinding>();
        var shell = await LoginAsync(subject, "ssh login", () => machines.Login(host), findings, cancellationToken);
        if (shell is not null)
            findings.Add(await FindAsync("hypervisor", subject, cancellationToken, async () =>
            {
                var driver = Machines.Driver(host);
                var count = await driver.CountVmsAsync(shell, cancellationToken);
                return $"{driver.Kind} lists {count} VM(s) on the host's connection{(host.Driver == HypervisorDriver.Libvirt ? $" ({host.LibvirtUri})" : "")}";
            }));
        foreach (var bmc in host.Fencing.Select(method => method.Ipmi).OfType<IpmiSettings>())
            findings.Add(await FindAsync("bmc power status", $"{subject} BMC {bmc.Address}:{bmc.Port}", cancellationToken, () => ipmi.PowerStatusAsync(bmc, cancellationToken)));
        return findings;
    }

    private async Task<List<PreflightFinding>> GuestAsync(VirtualMachine vm, CancellationToken cancellationToken)
    {
        var findings = new List<PreflightFinding>();
        await LoginAsync($"VM {vm.Name}", "guest ssh login", () => machines.Login(vm), findings, cancellationToken);
        return findings;
    }

    /// <summary>Logs in and runs the probe; the shell for further checks when it worked.</summary>
    private async Task<HostShell?> LoginAsync(string subject, string check, Func<SshTarget> login, List<PreflightFinding> findings, CancellationToken cancellationToken)
    {
        HostShell? shell = null;
        findings.Add(await FindAsync(check, subject, cancellationToken, async () =>
        {
            var target = login();
            shell = new HostShell(runner, target, new CommandLog(), logger);
            await shell.RunCheckedAsync(RemoteCommand.Probe, cancellationToken);
            return $"{target}: host key pinned, key accepted";
        }));
        return findings[^1].Passed ? shell : null;
    }

    /// <summary>Runs one check of a machine; past the machine's time it fails, and so do the checks after it.</summary>
    private async Task<PreflightFinding> FindAsync(string check, string subject, CancellationToken machine, Func<Task<string>> run)
    {
        try
        {
            machine.ThrowIfCancellationRequested();
            return new PreflightFinding(Module, check, subject, true, await run());
        }
        catch (OperationCanceledException) when (machine.IsCancellationRequested)
        {
            return new PreflightFinding(Module, check, subject, false, $"no answer within {MachineTimeout.TotalSeconds:0} s for the machine's checks");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new PreflightFinding(Module, check, subject, false, e.Message);
        }
    }
}
