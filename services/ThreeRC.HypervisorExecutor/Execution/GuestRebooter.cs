using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>
/// Runs the guest's reboot command over SSH within GuestRebootTimeout, after a probe of the login. A connection that
/// drops during the reboot command, or the command killed by a signal, is what a reboot looks like from outside:
/// both count as issued.
/// </summary>
internal sealed class GuestRebooter(
    Machines machines, ISshCommandRunner runner, ActionRunner actions, IOptions<ExecutorOptions> options, ILogger<GuestRebooter> logger)
{
    public Task<ActionOutcome> RebootAsync(RebootGuest command, CancellationToken cancellationToken) =>
        actions.RunAsync($"Reboot the guest of {command.VmName}", () => Prepare(command), cancellationToken);

    private PreparedAction Prepare(RebootGuest command)
    {
        var vm = machines.Vm(command.VmName);
        var target = machines.Login(vm);
        var words = SafeValue.CommandWords(vm.RebootCommand, $"reboot command of {vm.Name}");
        var reboot = new RemoteCommand(words[0], words.Skip(1).ToList());
        return new PreparedAction([$"{target}: {reboot}"], (log, cancel) => RebootAsync(new HostShell(runner, target, log, logger), reboot, cancel));
    }

    private async Task RebootAsync(HostShell guest, RemoteCommand reboot, CancellationToken cancellationToken)
    {
        var limit = options.Value.GuestRebootTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            // The kept login may have died unnoticed: the probe finds out and replaces it, so a connection that drops
            // during the reboot command can only be the reboot.
            await guest.RunCheckedAsync(RemoteCommand.Probe, timeout.Token);
            await IssueAsync(guest, reboot, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ActionFailedException($"{guest}: {reboot} did not complete within Executor:GuestRebootTimeout ({limit.TotalSeconds:0.###} s)");
        }
        finally
        {
            runner.Disconnect(guest.Target);
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
