using ThreeRC.Testing.Ganglia;

namespace ThreeRC.Testing.DataCentre;

/// <summary>
/// A physical host of the emulated data centre: a real sshd with the virsh look-alike (its hypervisor), a BMC
/// (ipmi_sim) whose chassis power is the host's, and a gmetric heartbeat with its load, as gmond would send.
/// </summary>
public sealed class EmulatedHost : IAsyncDisposable
{
    private readonly CallLog _calls;

    private EmulatedHost(string name, SimulatedHost hypervisor, IpmiSimulator bmc, SpoofedHost heartbeat)
    {
        Name = name;
        Hypervisor = hypervisor;
        Bmc = bmc;
        Heartbeat = heartbeat;
        _calls = new CallLog(Path.Combine(hypervisor.StateDirectory, "calls.log"));
    }

    public string Name { get; }

    public SimulatedHost Hypervisor { get; }

    public IpmiSimulator Bmc { get; }

    public SpoofedHost Heartbeat { get; }

    /// <summary>Whether the host has failed: no heartbeat, no SSH, its VMs frozen, until its BMC powers it off and on again.</summary>
    public bool HasFailed { get; private set; }

    /// <summary>Whether the host can run anything: its chassis is on.</summary>
    public bool PoweredOn => Bmc.PowerIsOn;

    public static async Task<EmulatedHost> StartAsync(string name, SshKeyPair clientKey, GmondProcess gmond)
    {
        var hypervisor = await SimulatedHost.StartAsync(clientKey);
        var bmc = await IpmiSimulator.StartAsync();
        var heartbeat = await gmond.SpoofAsync(name, new SpoofedLoad(0.2, 0.2, 8, 16 * 1024 * 1024, 12 * 1024 * 1024), EmulatedDataCentre.HeartbeatInterval);
        return new EmulatedHost(name, hypervisor, bmc, heartbeat);
    }

    /// <summary>Whether <paramref name="vm"/> runs here: the chassis is on and its domain is running (frozen counts).</summary>
    public bool Runs(string vm) => PoweredOn && Hypervisor.DomainState(vm) == "running";

    /// <summary>The virsh calls made on this host since the last look.</summary>
    internal IReadOnlyList<string> NewCalls() => _calls.ReadNew();

    /// <summary>The host stops at once, as after a power supply or kernel failure: heartbeat and sshd end.</summary>
    internal async Task FailAsync()
    {
        HasFailed = true;
        await Heartbeat.StopAsync();
        await Hypervisor.Ssh.DisposeAsync();
    }

    /// <summary>Its chassis came on again: sshd (same port, same host key) and the heartbeat start, with no VM running.</summary>
    internal async Task BootAsync()
    {
        await Hypervisor.Ssh.StartAgainAsync();
        await Heartbeat.StartAsync();
        HasFailed = false;
    }

    /// <summary>After its chassis went off, nothing runs here any more.</summary>
    internal void ShutOffDomains()
    {
        var domains = Path.Combine(Hypervisor.StateDirectory, "domains");
        if (!Directory.Exists(domains)) return;
        foreach (var domain in Directory.GetFiles(domains)) Hypervisor.SetDomain(Path.GetFileName(domain), "shut off");
    }

    /// <summary>Stops its sshd and BMC; its heartbeat belongs to the gmond it reports to, which stops it.</summary>
    public async ValueTask DisposeAsync()
    {
        await Hypervisor.DisposeAsync();
        await Bmc.DisposeAsync();
    }
}
