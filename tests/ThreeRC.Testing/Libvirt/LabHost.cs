using System.Net.Sockets;
using ThreeRC.Testing.Ganglia;

namespace ThreeRC.Testing.Libvirt;

/// <summary>
/// A physical host of the libvirt lab: a Unix user whose session libvirtd is the hypervisor, an sshd running as
/// that user (so the executor's virsh runs for real behind SSH), its own Ganglia heartbeat run as that user, and
/// an ipmi_sim BMC whose power status tells whether any process of the user lives. A power loss, or the BMC's power
/// off, ends them all: VMs, libvirtd, sshd (its port then refuses connections) and heartbeat. The BMC's power on
/// boots the host again: its runtime folder emptied (a real host's /run is a tmpfs), the same sshd and heartbeat
/// started as the user (the programs written in its boot folder); its libvirtd is spawned by the first virsh.
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
        // Root's: the BMC runs the boot folder's programs as root; the user only reads the folder it runs in.
        var directory = new TempDirectory("lab-host");
        FileModes.Set(directory.Path, FileModes.EveryoneReads);
        var parts = new List<IAsyncDisposable>();
        try
        {
            var home = Directory.CreateDirectory(directory.Combine("host")).FullName;
            var gmetricConfig = directory.Write("gmetric.conf", gmond.SendChannels());
            var ssh = await SshServer.StartAsync(home, clientKey, new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = user.RuntimeDirectory }, runAs: user.Name);
            parts.Add(ssh);
            string[] heartbeat = ["setpriv", .. user.Run("/bin/sh", "-c", HeartbeatLoop(gmetricConfig, spoofAddress, name))];
            var boot = Directory.CreateDirectory(directory.Combine("boot")).FullName;
            WriteBootProgram(boot, "sshd", ssh.CommandLine);
            WriteBootProgram(boot, "heartbeat", heartbeat);
            var bmc = await IpmiSimulator.StartAsync(
                $"/bin/bash {RepositoryRoot.Combine("tests", "ThreeRC.Testing", "Scripts", "libvirt-chassis")} {user.Name} {user.RuntimeDirectory} {boot}");
            parts.Add(bmc);
            return new LabHost(name, user, directory, ssh, bmc, ServiceProcess.Start(heartbeat[0], heartbeat[1..]));
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

    /// <summary>
    /// Powers the host on through its BMC (<c>ipmitool chassis power on</c>, as an operator would) and waits until its
    /// sshd accepts connections again.
    /// </summary>
    public async Task PowerOnAsync()
    {
        var result = await Bmc.IpmitoolAsync("chassis", "power", "on");
        if (result.ExitCode != 0) throw new InvalidOperationException($"{Name}'s BMC refused power on: {result}");
        await Eventually.Until(SshAcceptsAsync, TimeSpan.FromSeconds(30), $"{Name}'s sshd accepting connections after power on");
    }

    /// <summary>One program the BMC starts at power on: its arguments, NUL-separated, in NAME.argv; its output goes to NAME.log.</summary>
    private static void WriteBootProgram(string boot, string name, IReadOnlyList<string> command) =>
        File.WriteAllText(Path.Combine(boot, name + ".argv"), string.Join('\0', command));

    private async Task<bool> SshAcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(Ssh.Address, Ssh.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>What gmond would send for the host every 2 s: the heartbeat, then its load.</summary>
    private static string HeartbeatLoop(string config, string address, string name)
    {
        var gmetric = $"gmetric --conf {config} --spoof {address}:{name}";
        var metrics = Load.Metrics().Select(metric => $"{gmetric} --name {metric.Name} --value {metric.Value} --type {metric.Type} --units '{metric.Units}'");
        return $"while :; do {gmetric} --heartbeat; {string.Join("; ", metrics)}; sleep {LibvirtLab.HeartbeatInterval.TotalSeconds}; done";
    }

    /// <summary>Powers the host off for good (whatever its BMC started too), then stops its daemons and its BMC.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Teardown.RunAsync($"lab host {Name}",
            [
                async () => await LosePowerAsync(),
                _heartbeat.DisposeAsync,
                Ssh.DisposeAsync,
                Bmc.DisposeAsync,
            ]);
        }
        finally
        {
            _directory.Dispose();
        }
    }
}
