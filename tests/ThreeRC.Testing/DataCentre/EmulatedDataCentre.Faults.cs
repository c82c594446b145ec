namespace ThreeRC.Testing.DataCentre;

/// <summary>What a test does to the machines: crashes, hangs and erased /boots of guests, failed and repowered hosts.</summary>
public sealed partial class EmulatedDataCentre
{
    /// <summary>The guest crashes: it stops reporting; a guest reboot brings it back.</summary>
    public Task CrashGuestAsync(string vm) => FaultAsync(vm, VmFault.Crashed);

    /// <summary>The guest hangs: it stops reporting and takes a reboot without coming back; a restart does.</summary>
    public Task HangGuestAsync(string vm) => FaultAsync(vm, VmFault.Hung);

    /// <summary>The guest's /boot is erased and it stops: only a reinstall brings it back.</summary>
    public Task DestroyGuestAsync(string vm) => FaultAsync(vm, VmFault.Destroyed);

    /// <summary>
    /// An operator repairs the guest by hand where it runs (its /boot restored from a backup, say) and it reports
    /// again, whatever step its recovery is at.
    /// </summary>
    public async Task RepairGuestAsync(string vm)
    {
        var repaired = Vm(vm);
        var host = RunningOn(vm) ?? throw new InvalidOperationException($"{vm} runs on no host: there is no guest to repair");
        repaired.Fault = VmFault.None;
        await ReportingAgainAsync(repaired, $"repaired by an operator on {host}");
    }

    /// <summary>The host dies: no heartbeat, no SSH, its VMs frozen (still running as far as safety goes) until fenced.</summary>
    public async Task FailHostAsync(string host)
    {
        var failing = Host(host);
        Note($"{host} fails");
        await failing.FailAsync();
        foreach (var vm in Vms.Where(vm => RunningOn(vm.Name) == host)) await vm.Heartbeat.StopAsync();
    }

    /// <summary>
    /// An operator powers a failed host on again through its BMC (<c>ipmitool chassis power on</c>); one that nobody
    /// fenced (it ran no VM) is powered off first. It boots empty and reports again.
    /// </summary>
    public async Task PowerOnHostAsync(string host)
    {
        var booting = Host(host);
        if (booting.PoweredOn)
        {
            await ChassisAsync(booting, "off");
            await Eventually.Until(() => _poweredOff.ContainsKey(host), TimeSpan.FromSeconds(30), $"{host} seen powered off");
        }

        await ChassisAsync(booting, "on");
        await Eventually.Until(() => !booting.HasFailed, TimeSpan.FromSeconds(30), $"{host} booted after power on");
    }

    private static async Task ChassisAsync(EmulatedHost host, string power)
    {
        var result = await host.Bmc.IpmitoolAsync("chassis", "power", power);
        if (result.ExitCode != 0) throw new InvalidOperationException($"{host.Name}'s BMC refused power {power}: {result}");
    }

    private async Task FaultAsync(string name, VmFault fault)
    {
        var vm = Vm(name);
        vm.Fault = fault;
        Note($"{name} {fault}".ToLowerInvariant());
        await vm.Heartbeat.StopAsync();
    }
}
