namespace ThreeRC.Testing.DataCentre;

/// <summary>
/// How the machines answer, every 100 ms: a chassis that went off or on, a virsh start or destroy on a host, a reboot
/// in a guest; and whether any VM runs on two hosts.
/// </summary>
public sealed partial class EmulatedDataCentre
{
    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await TickAsync();
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task TickAsync()
    {
        foreach (var host in Hosts)
        {
            if (!host.PoweredOn && _poweredOff.TryAdd(host.Name, true)) await PowerOffAsync(host);
            else if (host.PoweredOn && _poweredOff.TryRemove(host.Name, out _)) await PowerOnAsync(host);
            foreach (var call in host.NewCalls()) await HypervisorCallAsync(host, call.Split(' '));
        }

        foreach (var vm in Vms)
            foreach (var call in vm.NewCalls())
                if (call.StartsWith("reboot", StringComparison.Ordinal)) Machine(() => RebootAsync(vm));

        foreach (var vm in Vms)
        {
            var hosts = Hosts.Where(host => host.Runs(vm.Name)).Select(host => host.Name).ToList();
            if (hosts.Count > 1) _violations.Enqueue($"{vm.Name} on {string.Join(", ", hosts)} at {DateTimeOffset.UtcNow:O}");
        }
    }

    private async Task PowerOffAsync(EmulatedHost host)
    {
        Note($"{host.Name} powered off");
        host.ShutOffDomains();
        foreach (var vm in Vms.Where(vm => RunningOn(vm.Name) == host.Name))
        {
            _runningOn[vm.Name] = null;
            await vm.Heartbeat.StopAsync();
        }
    }

    private async Task PowerOnAsync(EmulatedHost host)
    {
        Note($"{host.Name} powered on");
        if (host.HasFailed) await host.BootAsync();
    }

    private async Task HypervisorCallAsync(EmulatedHost host, string[] call)
    {
        // The look-alike logs a call before it acts, so the state it leaves is read only after the boot time.
        if (call is not ["virsh", var verb, var name] || Vms.FirstOrDefault(vm => vm.Name == name) is not { } vm) return;
        if (verb == "start" && RunningOn(name) != host.Name)
            Machine(() => BootAsync(vm, host));
        else if (verb == "destroy" && RunningOn(name) == host.Name)
        {
            _runningOn[name] = null;
            await vm.Heartbeat.StopAsync();
        }
    }

    private async Task RebootAsync(EmulatedVm vm)
    {
        if (vm.Fault != VmFault.Crashed) return;
        await Task.Delay(BootTime);
        vm.Fault = VmFault.None;
        await ReportingAgainAsync(vm, "rebooted");
    }

    private async Task BootAsync(EmulatedVm vm, EmulatedHost host)
    {
        await Task.Delay(BootTime);
        if (!host.Runs(vm.Name)) return;
        _runningOn[vm.Name] = host.Name;
        if (vm.Fault == VmFault.Destroyed)
        {
            var installed = await _installer.BootOverPxeAsync(vm);
            Note($"{vm.Name} on {host.Name}: {installed.What}");
            if (!installed.Succeeded) return;
        }

        vm.Fault = VmFault.None;
        await ReportingAgainAsync(vm, $"booted on {host.Name}");
    }

    private async Task ReportingAgainAsync(EmulatedVm vm, string how)
    {
        await vm.Heartbeat.StartAsync();
        BootedAt[vm.Name] = DateTimeOffset.UtcNow;
        Note($"{vm.Name} {how}");
    }

    private void Machine(Func<Task> work) => _machines.Add(Task.Run(work));
}
