using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Health;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.Inventory.Model;
using ThreeRC.ServiceDefaults.Hosting;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>
/// Logs in to every hypervisor host (and, with <c>Executor:Ssh:KeepGuestLogins</c>, every guest) at start and every
/// <c>Executor:Ssh:HostCheckInterval</c>, and to a machine as soon as it reports to Ganglia again: a refused key, a
/// changed host key or an unreachable machine is reported before a recovery needs it, and the connection each
/// recovery would open is already open (and the code that opens it already compiled) when the first one comes. Only
/// changes are logged: a machine that starts failing, and one that works again.
/// </summary>
internal sealed class LoginCheck(
    ClusterInventory inventory, Machines machines, SshCommandRunner runner, IOptions<ExecutorOptions> options, TimeProvider time, ILogger<LoginCheck> logger)
    : PeriodicWork(time, logger)
{
    private const string HostOwner = "host ";

    private static readonly Action<ILogger, string, string, Exception?> Failing = LoggerMessage.Define<string, string>(LogLevel.Warning, default,
        "SSH to {Machine} fails: {Reason}; recoveries that need it will fail until it is fixed");

    private static readonly Action<ILogger, string, Exception?> Working = LoggerMessage.Define<string>(LogLevel.Information, default,
        "SSH to {Machine} works: its host key is pinned and the login accepted");

    /// <summary>The last login of each machine checked so far: "host alfa01" or "VM gridce" → why it failed, or null when it worked.</summary>
    public CheckResults Results { get; } = new(logger, Failing, Working);

    /// <summary>Whether a subject of <see cref="Results"/> is a physical host.</summary>
    public static bool IsHost(string subject) => subject.StartsWith(HostOwner, StringComparison.Ordinal);

    /// <summary>
    /// Logs in to every machine once (a connection it dropped unnoticed, say when it lost power, is replaced now, not
    /// by a recovery); the failures, "host alfa01" or "VM gridce" → why.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> CheckAsync(CancellationToken cancellationToken) =>
        Results.CheckAllAsync(Logins(), machine => machine.Owner, LoginAsync, cancellationToken);

    /// <summary>Logs in to <paramref name="host"/> once, as the periodic check does; nothing in dry run.</summary>
    public Task CheckAsync(PhysicalHost host, CancellationToken cancellationToken) => CheckAsync(HostLogin(host), cancellationToken);

    /// <summary>Logs in to the guest of <paramref name="vm"/> once, unless guest logins are not kept; nothing in dry run.</summary>
    public Task CheckAsync(VirtualMachine vm, CancellationToken cancellationToken) =>
        options.Value.Ssh.KeepGuestLogins ? CheckAsync(GuestLogin(vm), cancellationToken) : Task.CompletedTask;

    protected override TimeSpan Interval => options.Value.DryRun ? TimeSpan.Zero : options.Value.Ssh.HostCheckInterval;

    protected override string Name => "The SSH login check";

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => CheckAsync(cancellationToken);

    private IEnumerable<MachineLogin> Logins()
    {
        var hosts = inventory.Hosts.Select(HostLogin);
        return options.Value.Ssh.KeepGuestLogins ? hosts.Concat(inventory.Vms.Select(GuestLogin)) : hosts;
    }

    private MachineLogin HostLogin(PhysicalHost host) => new(HostOwner + host.Name, () => machines.Login(host));

    private MachineLogin GuestLogin(VirtualMachine vm) => new($"VM {vm.Name}", () => machines.Login(vm));

    private async Task CheckAsync(MachineLogin machine, CancellationToken cancellationToken)
    {
        if (options.Value.DryRun) return;
        await Results.CheckAsync(machine.Owner, token => LoginAsync(machine, token), cancellationToken);
    }

    private async Task LoginAsync(MachineLogin machine, CancellationToken cancellationToken)
    {
        var output = await runner.RunAsync(machine.Target(), RemoteCommand.Probe, cancellationToken);
        if (!output.Succeeded) throw new RemoteCommandException($"{RemoteCommand.Probe} failed: {output.Summary}");
    }

    /// <summary>A machine to log in to: how it is named in the log, and its login (whose values are checked when it is asked for).</summary>
    private sealed record MachineLogin(string Owner, Func<SshTarget> Target);
}
