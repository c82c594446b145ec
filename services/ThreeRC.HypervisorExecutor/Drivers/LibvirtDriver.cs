using System.Text.RegularExpressions;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Drivers;

/// <summary>
/// libvirt through <c>virsh -c URI</c>, the host's libvirtUri from the inventory: never the login's default
/// connection, which for a non-root login is its own qemu:///session and would not show the system's VMs. A domain
/// counts as unknown to the host only when a listing on that URI succeeded and does not name it.
/// </summary>
internal sealed partial class LibvirtDriver(string uri) : IHypervisorDriver
{
    public HypervisorDriver Kind => HypervisorDriver.Libvirt;

    public async Task<Domain?> FindAsync(HostShell host, VirtualMachine vm, CancellationToken cancellationToken)
    {
        var name = DomainName(vm);
        var output = await host.RunAsync(DomState(name), cancellationToken);
        if (output.Succeeded) return Parse(vm.Name, output);
        if (!output.Error.Contains("failed to get domain", StringComparison.Ordinal)) throw host.Failed(DomState(name), output);
        return await ConfirmUnknownAsync(host, name, cancellationToken);
    }

    public async Task<int> CountVmsAsync(HostShell host, CancellationToken cancellationToken) =>
        (await host.RunCheckedAsync(ListAll, cancellationToken)).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;

    public Task RegisterAsync(HostShell host, VirtualMachine vm, CancellationToken cancellationToken) =>
        host.RunCheckedAsync(Define(vm), cancellationToken);

    public async Task<Domain> PowerOffAsync(HostShell host, Domain domain, CancellationToken cancellationToken) =>
        Parse(domain.Name, await host.RunCheckedAsync(RemoteCommand.RoundTrip(Virsh("destroy", domain.Id), DomState(domain.Id)), cancellationToken));

    public async Task<Domain> StartAsync(HostShell host, Domain domain, CancellationToken cancellationToken)
    {
        RemoteCommand[] steps = domain.Power == PowerState.Off
            ? [Virsh("start", domain.Id), DomState(domain.Id)]
            : [Virsh("destroy", domain.Id), Virsh("start", domain.Id), DomState(domain.Id)];
        return Parse(domain.Name, await host.RunCheckedAsync(RemoteCommand.RoundTrip(steps), cancellationToken));
    }

    public async Task<Domain> RefreshAsync(HostShell host, Domain domain, CancellationToken cancellationToken) =>
        Parse(domain.Name, await host.RunCheckedAsync(DomState(domain.Id), cancellationToken));

    public IReadOnlyList<string> PlanRestart(VirtualMachine vm)
    {
        var name = DomainName(vm);
        return
        [
            $"{DomState(name)}",
            $"{ListAll}   [when domstate cannot find {name}: must succeed and not name it]",
            $"{Define(vm)}   [when the host does not know {name}; then {DomState(name)} again]",
            $"{RemoteCommand.RoundTrip(Virsh("destroy", name), Virsh("start", name), DomState(name))}   [one round trip; destroy only when {name} is not shut off]",
            $"{DomState(name)}   [asked again until it reports running]",
        ];
    }

    public IReadOnlyList<string> PlanFence(VirtualMachine vm)
    {
        var name = DomainName(vm);
        return
        [
            $"{DomState(name)}",
            $"{ListAll}   [when domstate cannot find {name}: must succeed and not name it, else the fence fails]",
            $"{RemoteCommand.RoundTrip(Virsh("destroy", name), DomState(name))}   [one round trip, when {name} is not shut off; domstate must report shut off]",
        ];
    }

    /// <summary>domstate's "failed to get domain" also comes from a connection that sees other domains than the host runs.</summary>
    private async Task<Domain?> ConfirmUnknownAsync(HostShell host, string name, CancellationToken cancellationToken)
    {
        var listing = await host.RunAsync(ListAll, cancellationToken);
        if (!listing.Succeeded)
            throw new RemoteCommandException(
                $"{host}: virsh cannot find {name}, but listing the domains of {uri} failed with {listing.Summary}: refusing to take it as absent");
        var names = listing.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Contains(name, StringComparer.Ordinal))
            throw new RemoteCommandException($"{host}: {ListAll} names {name} but domstate cannot find it: refusing to guess");
        return null;
    }

    private RemoteCommand ListAll => Query("list", "--all", "--name");

    private RemoteCommand DomState(string name) => Query("domstate", name);

    private RemoteCommand Define(VirtualMachine vm) => Virsh("define", SafeValue.AbsolutePath(vm.Definition, $"definition of {vm.Name}"));

    private RemoteCommand Virsh(params string[] arguments) => new("virsh", ["-c", uri, .. arguments]);

    private RemoteCommand Query(params string[] arguments) => Virsh(arguments) with { ReadsOnly = true };

    /// <summary>virsh looks a domain up by id and by UUID before its name: a name that reads as either is refused.</summary>
    private static string DomainName(VirtualMachine vm)
    {
        var name = SafeValue.Name(vm.Name, "VM name");
        return IdOrUuid().IsMatch(name)
            ? throw new UnsafeValueException($"VM name '{name}' is refused for libvirt: virsh would read it as a domain id or UUID")
            : name;
    }

    /// <summary>The state domstate printed: the last line, after what the commands before it in a round trip printed.</summary>
    private static Domain Parse(string name, CommandOutput output)
    {
        var reported = output.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        var power = reported switch
        {
            "running" => PowerState.Running,
            "shut off" or "crashed" => PowerState.Off,
            _ => PowerState.Other,
        };
        return new Domain(name, name, power, reported);
    }

    [GeneratedRegex("^([0-9]+|[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12})$")]
    private static partial Regex IdOrUuid();
}
