using System.Text.RegularExpressions;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Drivers;

/// <summary>
/// libvirt through plain <c>virsh</c> (no <c>-c</c>: the login's default connection, qemu:///system for root,
/// qemu:///session for another user, or LIBVIRT_DEFAULT_URI).
/// </summary>
internal sealed partial class LibvirtDriver : IHypervisorDriver
{
    public HypervisorDriver Kind => HypervisorDriver.Libvirt;

    public async Task<Domain?> FindAsync(HostShell host, VirtualMachine vm, CancellationToken cancellationToken)
    {
        var name = DomainName(vm);
        var output = await host.RunAsync(DomState(name), cancellationToken);
        if (!output.Succeeded && output.Error.Contains("failed to get domain", StringComparison.Ordinal)) return null;
        return output.Succeeded ? Parse(vm.Name, output) : throw host.Failed(DomState(name), output);
    }

    public Task RegisterAsync(HostShell host, VirtualMachine vm, CancellationToken cancellationToken) =>
        host.RunCheckedAsync(Define(vm), cancellationToken);

    public Task PowerOffAsync(HostShell host, Domain domain, CancellationToken cancellationToken) =>
        host.RunCheckedAsync(Destroy(domain.Id), cancellationToken);

    public Task PowerOnAsync(HostShell host, Domain domain, CancellationToken cancellationToken) =>
        host.RunCheckedAsync(Start(domain.Id), cancellationToken);

    public async Task<Domain> RefreshAsync(HostShell host, Domain domain, CancellationToken cancellationToken) =>
        Parse(domain.Name, await host.RunCheckedAsync(DomState(domain.Id), cancellationToken));

    public IReadOnlyList<string> PlanRestart(VirtualMachine vm)
    {
        var name = DomainName(vm);
        return
        [
            $"{DomState(name)}",
            $"{Define(vm)}   [when the host does not know {name}; then {DomState(name)} again]",
            $"{Destroy(name)}   [when {name} is not shut off]",
            $"{Start(name)}",
            $"{DomState(name)}   [must report running]",
        ];
    }

    public IReadOnlyList<string> PlanFence(VirtualMachine vm)
    {
        var name = DomainName(vm);
        return [$"{DomState(name)}", $"{Destroy(name)}   [when {name} is not shut off]", $"{DomState(name)}   [must report shut off]"];
    }

    private static RemoteCommand DomState(string name) => RemoteCommand.Query("virsh", "domstate", name);

    private static RemoteCommand Destroy(string name) => RemoteCommand.Of("virsh", "destroy", name);

    private static RemoteCommand Start(string name) => RemoteCommand.Of("virsh", "start", name);

    private static RemoteCommand Define(VirtualMachine vm) =>
        RemoteCommand.Of("virsh", "define", SafeValue.AbsolutePath(vm.Definition, $"definition of {vm.Name}"));

    /// <summary>virsh looks a domain up by id and by UUID before its name: a name that reads as either is refused.</summary>
    private static string DomainName(VirtualMachine vm)
    {
        var name = SafeValue.Name(vm.Name, "VM name");
        return IdOrUuid().IsMatch(name)
            ? throw new UnsafeValueException($"VM name '{name}' is refused for libvirt: virsh would read it as a domain id or UUID")
            : name;
    }

    private static Domain Parse(string name, CommandOutput output)
    {
        var reported = output.Output.Trim();
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
