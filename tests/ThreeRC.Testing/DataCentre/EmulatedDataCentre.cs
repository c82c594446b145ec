using System.Collections.Concurrent;
using System.Globalization;
using ThreeRC.Testing.Ganglia;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Testing.DataCentre;

/// <summary>
/// A data centre made of real parts on loopback, for the services to protect: a gmond hearing every machine's
/// gmetric heartbeat, physical hosts (sshd + the virsh look-alike + an ipmi_sim BMC), VMs (a guest sshd + the
/// reboot look-alike) and a TFTP server (dnsmasq) for their pxelinux entries. It plays the machines' part: a
/// <c>virsh start</c> boots the VM (or, with its /boot erased, runs the installer its pxelinux entry names and
/// calls the provisioner back), a guest reboot cures a crashed guest, a powered-off chassis ends what ran on it.
/// Every 100 ms it checks that no VM runs on two hosts. Everything it started is stopped when it is disposed.
/// </summary>
public sealed partial class EmulatedDataCentre : IDataCentre
{
    /// <summary>How often every machine sends its heartbeat to gmond.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long an emulated VM takes from its start (or reboot) to its first heartbeat.</summary>
    public static readonly TimeSpan BootTime = TimeSpan.FromSeconds(1);

    /// <summary>How long an emulated installer runs before it calls the provisioner back.</summary>
    public static readonly TimeSpan InstallTime = TimeSpan.FromSeconds(3);

    private readonly TempDirectory _directory = new("data-centre");
    private readonly ConcurrentDictionary<string, string?> _runningOn = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<string> _notes = new();
    private readonly ConcurrentBag<Task> _machines = [];
    private readonly ConcurrentDictionary<string, bool> _poweredOff = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly PxeInstaller _installer;
    private Task _loop = Task.CompletedTask;

    private EmulatedDataCentre(bool push)
    {
        _installer = new PxeInstaller(Tftp, InstallTime);
        Gmond = new("datacentre", push ? FreePort.NextUdp() : null);
    }

    /// <summary>The data centre's gmond; with push, every host and VM also sends its packets to the monitor's push port (<see cref="GmondProcess.AlsoSendTo"/>).</summary>
    public GmondProcess Gmond { get; }

    public DnsmasqServer Tftp { get; } = new();

    public List<EmulatedHost> Hosts { get; } = [];

    public List<EmulatedVm> Vms { get; } = [];

    /// <summary>The key the executor logs in with, everywhere.</summary>
    public SshKeyPair ClientKey { get; private set; } = null!;

    /// <summary>Every sshd's pinned host key.</summary>
    public string KnownHostsFile => _directory.Combine("known_hosts");

    public string InventoryFile => _directory.Combine("inventory.yaml");

    /// <summary>Every moment a VM ran on two hosts at once, as "vm05 on alfa01, alfa03 at ...". Empty when all was safe.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>What the machines did, in order, such as "vm03 on alfa02: reinstalled; the call-back was answered 200".</summary>
    public IReadOnlyCollection<string> Notes => _notes;

    /// <summary>When a VM's heartbeat last resumed after a boot (its first heartbeat after a recovery).</summary>
    public ConcurrentDictionary<string, DateTimeOffset> BootedAt { get; } = new();

    /// <summary>Starts <paramref name="layout"/>: host name → the names of the VMs it runs; with <paramref name="push"/>, the monitor also hears every heartbeat on UDP (Monitor:Push).</summary>
    public static async Task<EmulatedDataCentre> StartAsync(IReadOnlyDictionary<string, string[]> layout, DataCentreTimers timers, bool push = false)
    {
        var centre = new EmulatedDataCentre(push);
        try
        {
            await centre.BuildAsync(layout, timers);
            return centre;
        }
        catch
        {
            await centre.DisposeAsync();
            throw;
        }
    }

    public EmulatedHost Host(string name) => Hosts.Single(host => host.Name == name);

    public EmulatedVm Vm(string name) => Vms.Single(vm => vm.Name == name);

    /// <summary>The host the VM was last started on, or null while it runs nowhere.</summary>
    public string? RunningOn(string vm) => _runningOn.GetValueOrDefault(vm);

    /// <summary>The settings every ThreeRC service needs to reach this data centre, as environment variables.</summary>
    public IReadOnlyDictionary<string, string?> ServiceEnvironment => For(InventoryFile, Gmond, ClientKey, KnownHostsFile, Tftp.TftpRoot);

    /// <summary>The services' settings for a data centre of real parts: its inventory, gmond, SSH key and pinned host keys, TFTP root.</summary>
    public static IReadOnlyDictionary<string, string?> For(string inventory, GmondProcess gmond, SshKeyPair key, string knownHosts, string tftpRoot) =>
        new Dictionary<string, string?>
        {
            ["Inventory__Path"] = inventory,
            ["Monitor__Sources__0"] = gmond.Source,
            ["Monitor__PollInterval"] = "00:00:01",
            ["Executor__Ssh__DefaultKeyFile"] = key.PrivateKeyFile,
            ["Executor__Ssh__KnownHostsFile"] = knownHosts,
            ["Executor__Ssh__ConnectTimeout"] = "00:00:03",
            ["Executor__GuestRebootTimeout"] = "00:00:05",
            ["Pxe__TftpRoot"] = tftpRoot,
            ["Monitor__Push__Port"] = gmond.AlsoSendTo?.ToString(CultureInfo.InvariantCulture),
            ["Monitor__Push__Bind"] = gmond.AlsoSendTo is null ? null : "127.0.0.1",
        };

    /// <summary>The VMs whose pxelinux entry, read from the TFTP root, starts an installer now, each with the incident that armed it.</summary>
    public IReadOnlyList<InstallerEntry> InstallerEntries() => PxelinuxEntries.OnInstaller(Tftp.TftpRoot, Vms);

    /// <summary>Throws when any VM ran on two hosts, or when the emulation itself failed.</summary>
    public void AssertSafe()
    {
        if (!_violations.IsEmpty) throw new InvalidOperationException("a VM ran on two hosts at once: " + string.Join("; ", _violations));
        if (_loop.IsFaulted) throw new InvalidOperationException("the data centre's emulation failed", _loop.Exception);
    }

    private async Task BuildAsync(IReadOnlyDictionary<string, string[]> layout, DataCentreTimers timers)
    {
        await Gmond.StartAsync();
        await Tftp.InitializeAsync();
        ClientKey = await SshKeyPair.CreateAsync(_directory.Path, "id_ed25519");
        var storage = Directory.CreateDirectory(_directory.Combine("shared-storage")).FullName;
        var macs = 0;
        foreach (var (hostName, vmNames) in layout)
        {
            var host = await EmulatedHost.StartAsync(hostName, ClientKey, Gmond);
            Hosts.Add(host);
            foreach (var vmName in vmNames)
            {
                var vm = await EmulatedVm.StartAsync(vmName, $"52:54:00:00:e2:{++macs:x2}", hostName, ClientKey, Gmond, storage);
                Vms.Add(vm);
                host.Hypervisor.SetDomain(vmName, "running");
                _runningOn[vmName] = hostName;
            }
        }

        await File.WriteAllLinesAsync(KnownHostsFile,
            [.. Hosts.Select(host => host.Hypervisor.Ssh.KnownHostsLine), .. Vms.Select(vm => vm.Guest.Ssh.KnownHostsLine)]);
        await File.WriteAllTextAsync(InventoryFile, DataCentreInventory.Yaml(Hosts, Vms, timers));
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    private void Note(string note) => _notes.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {note}");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll([_loop, .. _machines]).ContinueWith(_ => { }, TaskScheduler.Default);
        try
        {
            await Teardown.RunAsync("the data centre's machines",
            [
                .. Vms.Select(vm => (Func<ValueTask>)vm.DisposeAsync),
                .. Hosts.Select(host => (Func<ValueTask>)host.DisposeAsync),
                async () => await Tftp.DisposeAsync(),
                async () => await Gmond.DisposeAsync(),
            ]);
        }
        finally
        {
            _installer.Dispose();
            _stop.Dispose();
            _directory.Dispose();
        }
    }
}
