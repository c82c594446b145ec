using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>
/// Reboots a guest: checks every value and plans the commands before any connection (a dry run ends there), then runs
/// the guest's reboot command over SSH within GuestRebootTimeout; on a kept login (KeepGuestLogins), after a
/// probe of it. A connection that drops during the reboot command, or the command killed by a signal, is what a
/// reboot looks like from outside: both count as issued. One reboot at a time per guest: the connection one closes
/// must not be the one another reboot of the same guest is using.
/// </summary>
internal sealed class GuestRebooter(
    Machines machines, SshCommandRunner runner, IOptions<ExecutorOptions> options, TimeProvider time, ILogger<GuestRebooter> logger) : IGuestRebooter
{
    private readonly ConcurrentDictionary<SshTarget, SemaphoreSlim> _guests = new();

    public async Task<ActionOutcome> RebootGuestAsync(RebootGuest command, CancellationToken cancellationToken)
    {
        var run = new ActionRun($"Reboot the guest of {command.VmName}", time, logger);
        try
        {
            var vm = machines.Vm(command.VmName);
            var target = machines.Login(vm);
            var words = SafeValue.CommandWords(vm.RebootCommand, $"reboot command of {vm.Name}");
            var reboot = new RemoteCommand(words[0], words.Skip(1).ToList());
            var probe = options.Value.Ssh.KeepGuestLogins ? RemoteCommand.Probe : null;
            var plan = new[] { probe, reboot }.OfType<RemoteCommand>().Select(step => $"{target}: {step}").ToList();
            if (options.Value.DryRun) return run.DryRun(plan);
            run.Starting();
            await RebootAsync(new HostShell(runner, target, run.Log, logger), probe, reboot, cancellationToken);
            return run.Done();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return run.Failed(e);
        }
    }

    private async Task RebootAsync(HostShell guest, RemoteCommand? probe, RemoteCommand reboot, CancellationToken cancellationToken)
    {
        var limit = options.Value.GuestRebootTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var one = _guests.GetOrAdd(guest.Target, _ => new SemaphoreSlim(1, 1));
        var sent = false;
        try
        {
            await one.WaitAsync(timeout.Token);
            try
            {
                // The kept login may have died unnoticed: the probe finds out and replaces it, so a connection that
                // drops during the reboot command can only be the reboot.
                if (probe is not null) await guest.RunCheckedAsync(probe, timeout.Token);
                sent = true;
                await IssueAsync(guest, reboot, timeout.Token);
            }
            finally
            {
                runner.Disconnect(guest.Target);
                one.Release();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ActionFailedException(sent
                ? $"{guest}: {reboot} did not complete within Executor:GuestRebootTimeout ({limit.TotalSeconds:0.###} s)"
                : $"{guest}: no working login within Executor:GuestRebootTimeout ({limit.TotalSeconds:0.###} s); {reboot} was not sent");
        }
    }

    private async Task IssueAsync(HostShell guest, RemoteCommand reboot, CancellationToken cancellationToken)
    {
        try
        {
            var output = await guest.RunAsync(reboot, cancellationToken);
            if (output.ExitSignal is not null) logger.LogInformation("{Guest}: {Command} was killed by {Signal}: the guest is going down", guest, reboot, output.ExitSignal);
            else if (!output.Succeeded) throw guest.Failed(reboot, output);
        }
        catch (ConnectionLostException e)
        {
            logger.LogInformation("{Guest}: the connection dropped: the guest is rebooting ({Detail})", guest, e.Message);
        }
    }
}
