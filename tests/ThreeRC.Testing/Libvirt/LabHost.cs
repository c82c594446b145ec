using ThreeRC.Testing.Ganglia;

namespace ThreeRC.Testing.Libvirt;

/// <summary>
/// A physical host of the libvirt lab: a Unix user whose session libvirtd is the hypervisor, an sshd running as
/// that user (so the executor's virsh runs for real behind SSH), its own Ganglia heartbeat run as that user, and
/// an ipmi_sim BMC whose power off ends every process of the user and whose power status tells whether any lives.
/// A power loss ends them all: VMs, libvirtd, sshd (its port then refuses connections) and heartbeat.
/// </summary>
public sealed class LabHost : IAsyncDisposable
{
    private static readonly SpoofedLoad Load = new(0.1, 0.1, 2, 4 * 1024 * 1024, 3 * 1024 * 1024);

    private readonly TempDirectory _directory;
    private readonly ServiceProcess _heartbeat;

    private LabHost(string name, LabUser user, TempDirectory directory, SshServer ssh, IpmiSimulator bmc, ServiceProcess heartbeat)
    {
        Name = name;
        User = user;
        _directory = directory;
        Ssh = ssh;
        Bmc = bmc;
        _heartbeat = heartbeat;
    }

    public string Name { get; }

    public LabUser User { get; }

    public SshServer Ssh { get; }

    public IpmiSimulator Bmc { get; }

    /// <summary>Whether the host has power: a process of its user still lives.</summary>
    public bool PoweredOn => User.Processes().Count > 0;

    public static async Task<LabHost> StartAsync(string name, LabUser user, string spoofAddress, SshKeyPair clientKey, GmondProcess gmond)
    {
        var directory = new TempDirectory("lab-host");
        var parts = new List<IAsyncDisposable>();
        try
        {
            var gmetricConfig = directory.Write("gmetric.conf", $"udp_send_channel {{\n  host = 127.0.0.1\n  port = {gmond.UdpPort}\n}}\n");
            var ssh = await SshServer.StartAsync(directory.Path, clientKey, new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = user.RuntimeDirectory }, runAs: user.Name);
            parts.Add(ssh);
            var bmc = await IpmiSimulator.StartAsync($"/bin/bash {RepositoryRoot.Combine("tests", "ThreeRC.Testing", "Scripts", "libvirt-chassis")} {user.Name}");
            parts.Add(bmc);
            var heartbeat = ServiceProcess.Start("setpriv", user.Run("/bin/sh", "-c", HeartbeatLoop(gmetricConfig, spoofAddress, name)));
            return new LabHost(name, user, directory, ssh, bmc, heartbeat);
        }
        catch
        {
            foreach (var part in parts) await part.DisposeAsync();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>The host loses power: every process of its user ends, its heartbeat and sshd with them.</summary>
    public Task LosePowerAsync() => User.KillEverythingAsync();

    /// <summary>What gmond would send for the host every 2 s: the heartbeat, then its load.</summary>
    private static string HeartbeatLoop(string config, string address, string name)
    {
        var gmetric = $"gmetric --conf {config} --spoof {address}:{name}";
        var metrics = Load.Metrics().Select(metric => $"{gmetric} --name {metric.Name} --value {metric.Value} --type {metric.Type} --units '{metric.Units}'");
        return $"while :; do {gmetric} --heartbeat; {string.Join("; ", metrics)}; sleep {LibvirtLab.HeartbeatInterval.TotalSeconds}; done";
    }

    public async ValueTask DisposeAsync()
    {
        await _heartbeat.DisposeAsync();
        await Ssh.DisposeAsync();
        await Bmc.DisposeAsync();
        _directory.Dispose();
    }
}
