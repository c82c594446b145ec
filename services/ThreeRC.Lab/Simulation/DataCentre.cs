using ThreeRC.StandIns;

namespace ThreeRC.Lab.Simulation;

/// <summary>
/// The simulated data centre: physical hosts and VMs, the crashes injected into them, and what a hypervisor,
/// a BMC and an SSH session can do to them. Time-driven changes (a boot finishing) are applied lazily, whenever
/// the state is read or changed. It also watches the one safety rule: a VM is never started on a host while its
/// domain may still run on another.
/// </summary>
public sealed class DataCentre(IEnumerable<SimulatedHost> hosts, IEnumerable<SimulatedVm> vms, LabTimings timings, IPxeBootSource pxe, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedHost> _hosts = hosts.ToDictionary(h => h.Name);
    private readonly Dictionary<string, SimulatedVm> _vms = vms.ToDictionary(v => v.Name);

    public IReadOnlyCollection<SimulatedHost> Hosts => _hosts.Values;

    public IReadOnlyCollection<SimulatedVm> Vms => _vms.Values;

    /// <summary>Times a VM was started while its domain still ran on another powered host. Must stay 0.</summary>
    public int SafetyViolations { get; private set; }

    public LabTimings Timings => timings;

    /// <summary>Powers every host on and boots every VM on its home host, all heartbeating from now.</summary>
    public void Start(IReadOnlyDictionary<string, string> homes)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var host in _hosts.Values) host.Heartbeat.Start(now);
            foreach (var vm in _vms.Values)
            {
                vm.RunningOn = homes[vm.Name];
                Set(vm, GuestCondition.Running, now);
            }
        }
    }

    /// <summary>Injects a crash; false when the target is not in a state to suffer it (already down).</summary>
    public bool Crash(string name, CrashKind kind)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Advance(now);
            if (kind == CrashKind.HostPowerLoss) return PowerOff(_hosts[name], now);
            var vm = _vms[name];
            if (vm.Guest != GuestCondition.Running) return false;
            if (kind == CrashKind.Destructive) vm.BootErased = true;
            Set(vm, kind switch { CrashKind.GuestCrash => GuestCondition.Crashed, CrashKind.GuestHang => GuestCondition.Hung, _ => GuestCondition.Crashed }, now);
            return true;
        }
    }

    /// <summary>Power returns to a host (its domains stay off, as after a fence).</summary>
    public void PowerOn(string host)
    {
        lock (_gate)
        {
            var target = _hosts[host];
            if (target.PoweredOn) return;
            target.PoweredOn = true;
            target.Heartbeat.Start(time.GetUtcNow());
        }
    }

    /// <summary>SSH to the guest and reboot it: works while its guest runs or has crashed, not when it hangs or is down.</summary>
    public string? RebootGuest(string name)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Advance(now);
            var vm = _vms[name];
            if (vm.RunningOn is null || vm.Guest is GuestCondition.Hung or GuestCondition.Off or GuestCondition.Destroyed)
                return $"ssh {vm.Ip}: connection timed out";
            BootFromDisk(vm, now);
            return null;
        }
    }

    /// <summary>Power-cycles the VM through <paramref name="hostName"/>'s hypervisor (registering it there if needed).</summary>
    public string? Restart(string name, string hostName)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Advance(now);
            var (vm, host) = (_vms[name], _hosts[hostName]);
            if (!host.PoweredOn) return $"ssh {host.Ip}: no route to host";
            if (vm.RunningOn is { } other && other != hostName && _hosts[other].PoweredOn) SafetyViolations++;
            vm.RunningOn = hostName;
            if (pxe.InstallOrderFor(vm) is not null) Set(vm, GuestCondition.Installing, now);
            else BootFromDisk(vm, now);
            return null;
        }
    }

    /// <summary>IPMI power off, confirmed by the power status: the host's domains are gone with it.</summary>
    public string? FenceByPower(string hostName)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Advance(now);
            PowerOff(_hosts[hostName], now);
            return null;
        }
    }

    /// <summary>Powers the VM off through the host's hypervisor; fails when the host does not answer.</summary>
    public string? FenceByHypervisor(string hostName, string name)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Advance(now);
            var (vm, host) = (_vms[name], _hosts[hostName]);
            if (!host.PoweredOn) return $"ssh {host.Ip}: no route to host";
            if (vm.RunningOn == hostName) Stop(vm, now);
            return null;
        }
    }

    /// <summary>Applies what time has done, and returns the installs that are finished and must call back.</summary>
    public IReadOnlyList<InstallOrder> Advance()
    {
        lock (_gate) return Advance(time.GetUtcNow());
    }

    /// <summary>The installer called back: the VM boots its fresh system from disk.</summary>
    public void InstallCalledBack(string name)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var vm = _vms[name];
            if (vm.Guest != GuestCondition.Installing) return;
            vm.BootErased = false;
            Set(vm, GuestCondition.Booting, now);
        }
    }

    /// <summary>Runs <paramref name="read"/> on a consistent, advanced view of the data centre.</summary>
    public T Observe<T>(Func<IReadOnlyCollection<SimulatedHost>, IReadOnlyCollection<SimulatedVm>, DateTimeOffset, T> read)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Advance(now);
            return read(_hosts.Values, _vms.Values, now);
        }
    }

    private List<InstallOrder> Advance(DateTimeOffset now)
    {
        var finished = new List<InstallOrder>();
        foreach (var vm in _vms.Values)
        {
            if (vm.Guest == GuestCondition.Booting && now >= vm.Since + timings.Boot)
                Set(vm, vm.BootErased ? GuestCondition.Destroyed : GuestCondition.Running, vm.Since + timings.Boot);
            else if (vm.Guest == GuestCondition.Installing && now >= vm.Since + timings.Install && pxe.InstallOrderFor(vm) is { } order)
                finished.Add(order);
        }

        return finished;
    }

    private bool PowerOff(SimulatedHost host, DateTimeOffset now)
    {
        if (!host.PoweredOn) return false;
        host.PoweredOn = false;
        host.Heartbeat.Stop(now);
        foreach (var vm in _vms.Values.Where(vm => vm.RunningOn == host.Name)) Stop(vm, now);
        return true;
    }

    private void Stop(SimulatedVm vm, DateTimeOffset now)
    {
        vm.RunningOn = null;
        Set(vm, GuestCondition.Off, now);
    }

    private static void BootFromDisk(SimulatedVm vm, DateTimeOffset now) => Set(vm, GuestCondition.Booting, now);

    private static void Set(SimulatedVm vm, GuestCondition condition, DateTimeOffset at)
    {
        vm.Guest = condition;
        vm.Since = at;
        if (condition == GuestCondition.Running)
        {
            vm.Heartbeat.Start(at);
            vm.RunningSince = at;
        }
        else
        {
            vm.Heartbeat.Stop(at);
        }
    }
}
