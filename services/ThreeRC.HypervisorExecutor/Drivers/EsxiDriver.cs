using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Drivers;

/// <summary>VMware ESXi through <c>vim-cmd</c> in the host's shell; VMs are addressed by the vmid getallvms lists.</summary>
internal sealed class EsxiDriver : IHypervisorDriver
{
    private const string PlannedId = "VMID";
    private static readonly RemoteCommand GetAllVms = RemoteCommand.Query("vim-cmd", "vmsvc/getallvms");

    public HypervisorDriver Kind => HypervisorDriver.Esxi;

    public async Task<Domain?> FindAsync(HostShell host, VirtualMachine vm, CancellationToken cancellationToken)
    {
        var name = SafeValue.Name(vm.Name, "VM name");
        var ids = EsxiVmList.IdsOf((await host.RunCheckedAsync(GetAllVms, cancellationToken)).Output, name);
        if (ids.Count > 1)
            throw new RemoteCommandException($"{host}: {ids.Count} VMs named {name} are registered (vmids {string.Join(", ", ids)}); refusing to guess");
        return ids.Count == 0 ? null : await RefreshAsync(host, new Domain(name, ids[0], PowerState.Other, "unknown"), cancellationToken);
    }

    public async Task<int> CountVmsAsync(HostShell host, CancellationToken cancellationToken) =>
        EsxiVmList.Count((await host.RunCheckedAsync(GetAllVms, cancellationToken)).Output);

    public Task RegisterAsync(HostShell host, VirtualMachine vm, CancellationToken cancellationToken) =>
        host.RunCheckedAsync(Register(vm), cancellationToken);

    public async Task<Domain> PowerOffAsync(HostShell host, Domain domain, CancellationToken cancellationToken) =>
        Parse(domain, await host.RunCheckedAsync(RemoteCommand.RoundTrip(Power("off", domain.Id), Power("getstate", domain.Id)), cancellationToken));

    public async Task<Domain> StartAsync(HostShell host, Domain domain, CancellationToken cancellationToken)
    {
        RemoteCommand[] steps = domain.Power == PowerState.Off
            ? [Power("on", domain.Id), Power("getstate", domain.Id)]
            : [Power("off", domain.Id), Power("on", domain.Id), Power("getstate", domain.Id)];
        return Parse(domain, await host.RunCheckedAsync(RemoteCommand.RoundTrip(steps), cancellationToken));
    }

    public async Task<Domain> RefreshAsync(HostShell host, Domain domain, CancellationToken cancellationToken) =>
        Parse(domain, await host.RunCheckedAsync(Power("getstate", domain.Id), cancellationToken));

    /// <summary>The state getstate printed: its last line, after what the commands before it in a round trip printed.</summary>
    private static Domain Parse(Domain domain, CommandOutput output)
    {
        var reported = output.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        var power = reported switch
        {
            "Powered on" => PowerState.Running,
            "Powered off" => PowerState.Off,
            _ => PowerState.Other,
        };
        return domain with { Power = power, Reported = reported };
    }

    public IReadOnlyList<string> PlanRestart(VirtualMachine vm)
    {
        var name = SafeValue.Name(vm.Name, "VM name");
        return
        [
            $"{GetAllVms}   [{PlannedId} is the vmid of {name}]",
            $"{Register(vm)}   [when the host does not know {name}; then getallvms again]",
            $"{Power("getstate", PlannedId)}",
            $"{RemoteCommand.RoundTrip(Power("off", PlannedId), Power("on", PlannedId), Power("getstate", PlannedId))}   [one round trip; power.off only when {name} is not powered off]",
            $"{Power("getstate", PlannedId)}   [asked again until it reports Powered on]",
        ];
    }

    public IReadOnlyList<string> PlanFence(VirtualMachine vm)
    {
        var name = SafeValue.Name(vm.Name, "VM name");
        return
        [
            $"{GetAllVms}   [{PlannedId} is the vmid of {name}; nothing more when it is not registered]",
            $"{Power("getstate", PlannedId)}",
            $"{RemoteCommand.RoundTrip(Power("off", PlannedId), Power("getstate", PlannedId))}   [one round trip, when {name} is not powered off; getstate must report Powered off]",
        ];
    }

    private static RemoteCommand Power(string action, string id) =>
        new("vim-cmd", [$"vmsvc/power.{action}", id == PlannedId ? id : SafeValue.Digits(id, "vmid")]) { ReadsOnly = action == "getstate" };

    private static RemoteCommand Register(VirtualMachine vm) => RemoteCommand.Of(
        "vim-cmd", "solo/registervm", SafeValue.AbsolutePath(vm.Definition, $"definition of {vm.Name}"), SafeValue.Name(vm.Name, "VM name"));
}
