using System.Globalization;
using ThreeRC.Inventory;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Ganglia;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Testing.Libvirt;

/// <summary>
/// The real hypervisor lab: physical hosts that are Unix users with their own session libvirtd behind a real sshd
/// and an ipmi_sim BMC, and QEMU guests (software emulation) that send their Ganglia heartbeats from inside to the
/// lab's gmond. Faults are real: a guest hangs or panics through its control channel, a domain is destroyed or its
/// QEMU killed, a host loses power (and its BMC powers it on again). A <see cref="DomainWatcher"/> checks every
/// 250 ms that no VM runs on two hosts. Everything it started, QEMU included, is ended when it is disposed, whatever failed.
/// </summary>
public sealed class LibvirtLab : IDataCentre
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2);

    /// <summary>Detection after 6 s of silence (three 2-second heartbeats); a restart has a minute to bring a guest's heartbeat back.</summary>
    public static readonly DataCentreTimers Timers = new(
        RebootWait: TimeSpan.FromSeconds(30), RestartWait: TimeSpan.FromSeconds(60), InstallBudget: TimeSpan.FromSeconds(60), DetectAfter: TimeSpan.FromSeconds(6));

    /// <summary>The orchestrator's flap window for the lab: a guest faulted again more than a second after its last fault is a fresh incident, recovered from the first step.</summary>
    public static readonly TimeSpan FlapWindow = TimeSpan.FromSeconds(1);

    private readonly TempDirectory _directory = new("libvirt-lab");
    private readonly List<LabUser> _users = [];
    private DomainWatcher? _watcher;
    private bool _disposed;

    private LibvirtLab(bool push) => Gmond = new("libvirt-lab", push ? FreePort.NextUdp() : null);

    /// <summary>The lab's gmond; with push, every host and guest also sends its packets to the monitor's push port (<see cref="GmondProcess.AlsoSendTo"/>).</summary>
    public GmondProcess Gmond { get; }

    public List<LabHost> Hosts { get; } = [];

    public List<LabGuest> Guests { get; } = [];

    public DomainWatcher Watcher => _watcher ?? throw new InvalidOperationException("the lab has not started");

    /// <summary>The key the executor logs in to every host with.</summary>
    public SshKeyPair ClientKey { get; private set; } = null!;

    /// <summary>Every host's pinned sshd key.</summary>
    public string KnownHostsFile => _directory.Combine("known_hosts");

    public string InventoryFile => _directory.Combine("inventory.yaml");

    /// <summary>
    /// Starts <paramref name="layout"/> (host name → the guests it runs); host labNN is the Unix user threerc-labNN.
    /// With <paramref name="push"/>, the monitor also hears every heartbeat on UDP (Monitor:Push).
    /// </summary>
    public static async Task<LibvirtLab> StartAsync(IReadOnlyDictionary<string, string[]> layout, DataCentreTimers timers, bool push = false)
    {
        var lab = new LibvirtLab(push);
        try
        {
            await lab.BuildAsync(layout, timers);
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>The settings every ThreeRC service needs to reach the lab, as environment variables.</summary>
    public IReadOnlyDictionary<string, string?> ServiceEnvironment =>
        EmulatedDataCentre.For(InventoryFile, Gmond, ClientKey, KnownHostsFile, Directory.CreateDirectory(_directory.Combine("tftp")).FullName);

    public LabHost Host(string name) => Hosts.Single(host => host.Name == name);

    public LabGuest Guest(string name) => Guests.Single(guest => guest.Name == name);

    /// <summary>The host the watcher last saw the VM run on.</summary>
    public LabHost HostOf(string vm) => Host(Watcher.RunningOn(vm) ?? throw new InvalidOperationException($"{vm} runs nowhere"));

    /// <summary>The guests the watcher last saw run on <paramref name="host"/>.</summary>
    public IReadOnlyList<string> GuestsOn(LabHost host) => [.. Guests.Select(guest => guest.Name).Where(vm => Watcher.RunningOn(vm) == host.Name)];

    /// <summary>The guest's QEMU dies at once (kill -9), as after a crash of the emulator; libvirt sees the domain shut off.</summary>
    public async Task KillQemuAsync(string vm)
    {
        var host = HostOf(vm);
        var qemu = host.User.Processes().Single(process => process.Domain == vm);
        ProcessTree.Kill([qemu.Pid]);
        await Eventually.Until(() => host.User.Processes().All(process => process.Pid != qemu.Pid), TimeSpan.FromSeconds(20), $"{vm}'s QEMU gone");
    }

    /// <summary>The domain is destroyed through libvirt, as an operator's <c>virsh destroy</c> or a hypervisor fault would.</summary>
    public async Task DestroyAsync(string vm)
    {
        var host = HostOf(vm);
        var result = await host.User.VirshAsync("destroy", vm);
        if (result.ExitCode != 0) throw new InvalidOperationException($"virsh destroy {vm} on {host.Name} failed: {result}");
    }

    /// <summary>
    /// Runs <paramref name="command"/> on <paramref name="host"/> over SSH as the executor does: its user, the lab's
    /// key, its pinned host key. It must be a plain command (the inventory's rule), so the remote shell runs it as written.
    /// </summary>
    public Task<CommandResult> SshAsync(LabHost host, string command)
    {
        if (!InventoryPatterns.PlainCommand().IsMatch(command)) throw new ArgumentException($"'{command}' is not a plain command", nameof(command));
        return Command.RunAsync("ssh",
        [
            "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", $"UserKnownHostsFile={KnownHostsFile}", "-i", ClientKey.PrivateKeyFile,
            "-p", host.Ssh.Port.ToString(CultureInfo.InvariantCulture), $"{host.Ssh.User}@{host.Ssh.Address}", command,
        ], TimeSpan.FromSeconds(60));
    }

    /// <summary>Throws when a VM ran on two hosts.</summary>
    public void AssertSafe() => Watcher.AssertSafe();

    /// <summary>Whether Ganglia heard from <paramref name="name"/> within the last <paramref name="within"/> (its TN).</summary>
    public async Task<bool> ReportingAsync(string name, TimeSpan within) =>
        await GangliaHostAsync(name) is { } host && int.Parse((string)host.Attribute("TN")!) <= within.TotalSeconds;

    /// <summary>
    /// When this machine first saw Ganglia report a heartbeat of <paramref name="name"/> sent at or after
    /// <paramref name="after"/> (gmond's REPORTED, in whole seconds), polling every 100 ms.
    /// </summary>
    public async Task<DateTimeOffset> FirstHeartbeatAfterAsync(string name, DateTimeOffset after, TimeSpan timeout)
    {
        var since = after.ToUnixTimeSeconds();
        await Eventually.Until(async () => await GangliaHostAsync(name) is { } host && long.Parse((string)host.Attribute("REPORTED")!) >= since,
            timeout, $"a heartbeat of {name} after {after:HH:mm:ss}");
        return DateTimeOffset.UtcNow;
    }

    private async Task<System.Xml.Linq.XElement?> GangliaHostAsync(string name) =>
        System.Xml.Linq.XDocument.Parse(await Gmond.ReadXmlAsync()).Descendants("HOST").FirstOrDefault(element => (string?)element.Attribute("NAME") == name);

    private async Task BuildAsync(IReadOnlyDictionary<string, string[]> layout, DataCentreTimers timers)
    {
        _users.AddRange(layout.Keys.Select(host => new LabUser("threerc-" + host)));
        await LabScript.UpAsync(_users);
        await LabScript.ResetAsync(_users);
        await Gmond.StartAsync();
        ClientKey = await SshKeyPair.CreateAsync(_directory.Path, "id_ed25519");
        FileModes.Set(_directory.Path, FileModes.EveryoneReads);
        var storage = Directory.CreateDirectory(_directory.Combine("shared")).FullName;
        FileModes.Set(storage, FileModes.Everyone);

        var number = 0;
        foreach (var (hostName, user) in layout.Keys.Zip(_users))
        {
            Hosts.Add(await LabHost.StartAsync(hostName, user, $"10.97.0.{Hosts.Count + 1}", ClientKey, Gmond));
            foreach (var vm in layout[hostName]) Guests.Add(LabGuest.Create(vm, hostName, ++number, Gmond, storage));
        }

        await File.WriteAllLinesAsync(KnownHostsFile, Hosts.Select(host => host.Ssh.KnownHostsLine));
        await File.WriteAllTextAsync(InventoryFile, LabInventory.Yaml(Hosts, Guests, timers, FreePort.Next()));
        _watcher = new DomainWatcher(Hosts);
        foreach (var guest in Guests) await StartOnHomeAsync(guest);
        foreach (var name in Hosts.Select(host => host.Name).Concat(Guests.Select(guest => guest.Name)))
            await Eventually.Until(() => ReportingAsync(name, HeartbeatInterval * 2), TimeSpan.FromSeconds(120), $"{name} reporting to Ganglia");
    }

    private async Task StartOnHomeAsync(LabGuest guest)
    {
        var user = Host(guest.Home).User;
        foreach (var command in new[] { new[] { "define", guest.Definition }, ["start", guest.Name] })
        {
            var result = await user.VirshAsync(command);
            if (result.ExitCode != 0) throw new InvalidOperationException($"virsh {string.Join(' ', command)} as {user.Name} failed: {result}");
        }
    }

    /// <summary>Ends the watcher, every host (its daemons, every process of its user: QEMU, libvirtd) and gmond, each even when another failed; again, does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            await Teardown.RunAsync("the libvirt lab",
            [
                () => _watcher?.DisposeAsync() ?? ValueTask.CompletedTask,
                .. Hosts.Select(host => (Func<ValueTask>)host.DisposeAsync),
                async () =>
                {
                    if (_users.Count > 0) await LabScript.ResetAsync(_users);
                },
                async () => await Gmond.DisposeAsync(),
            ]);
        }
        finally
        {
            _directory.Dispose();
        }
    }
}
