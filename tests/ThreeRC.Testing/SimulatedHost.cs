using System.Globalization;

namespace ThreeRC.Testing;

/// <summary>
/// A machine reached over a real sshd: a hypervisor host (the virsh and vim-cmd look-alikes of Scripts/ on its PATH,
/// keeping domain state in files) or a guest (the reboot look-alike). Every call is recorded in a log the test reads.
/// Two instances are two independent hosts. The daemon, its sessions and any hanging command are always stopped.
/// </summary>
public sealed class SimulatedHost : IAsyncDisposable
{
    private static readonly string[] Scripts = ["virsh", "vim-cmd", "reboot"];
    private readonly TempDirectory _directory;

    private SimulatedHost(TempDirectory directory, SshServer ssh)
    {
        _directory = directory;
        Ssh = ssh;
    }

    public SshServer Ssh { get; }

    /// <summary>The folder the scripts keep their state in (THREERC_SIM_DIR of the sessions).</summary>
    public string StateDirectory => _directory.Combine("state");

    /// <summary>Starts sshd with <paramref name="clientKey"/> authorized and the look-alikes first on the sessions' PATH.</summary>
    public static async Task<SimulatedHost> StartAsync(SshKeyPair clientKey)
    {
        var directory = new TempDirectory("simulated-host");
        try
        {
            var bin = Directory.CreateDirectory(directory.Combine("bin")).FullName;
            Directory.CreateDirectory(directory.Combine("state"));
            foreach (var script in Scripts)
            {
                File.Copy(RepositoryRoot.Combine("tests", "ThreeRC.Testing", "Scripts", script), Path.Combine(bin, script));
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(bin, script), (UnixFileMode)0b111_101_101);
            }

            var ssh = await SshServer.StartAsync(directory.Path, clientKey, new Dictionary<string, string>
            {
                ["PATH"] = $"{bin}:/usr/local/bin:/usr/bin:/bin",
                ["THREERC_SIM_DIR"] = directory.Combine("state"),

                // A home of its own, as a service account has: the test machine's ~/.bashrc (which bash sources
                // for commands over SSH) would otherwise add its own start-up time to every command.
                ["HOME"] = directory.Path,
            });
            return new SimulatedHost(directory, ssh);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Every call of a look-alike, in order, as "virsh domstate gridce".</summary>
    public IReadOnlyList<string> Calls()
    {
        var log = Path.Combine(StateDirectory, "calls.log");
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }

    /// <summary>The libvirt URI each virsh call named with -c, in order, or "(no -c)".</summary>
    public IReadOnlyList<string> VirshConnections()
    {
        var log = Path.Combine(StateDirectory, "connections.log");
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }

    /// <summary>
    /// The connection virsh uses without -c, as a login's default: "qemu:///session" plays a non-root login, which
    /// sees none of the system's domains (qemu:///system, the default, as for root).
    /// </summary>
    public void SetDefaultLibvirtUri(string uri) => File.WriteAllText(Path.Combine(StateDirectory, "default-uri"), uri + "\n");

    /// <summary>
    /// From now on virsh <paramref name="verb"/> (start, destroy, define, list...) misbehaves: "fail" exits 1 and changes
    /// nothing; "drop" acts, then kills its SSH session; "hang" acts, then hangs (see <see cref="KillHungCommands"/>).
    /// </summary>
    public void SetVirshFault(string verb, string fault) => File.WriteAllText(Path.Combine(StateDirectory, $"fault.{verb}"), fault + "\n");

    /// <summary>Every later <c>virsh start</c> leaves its domain in <paramref name="state"/> ("paused"), not running.</summary>
    public void SetStartState(string state) => File.WriteAllText(Path.Combine(StateDirectory, "start-state"), state + "\n");

    /// <summary>Every call of a look-alike with the moment it started, as the script itself read the clock.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Call)> TimedCalls()
    {
        var log = Path.Combine(StateDirectory, "timed.log");
        if (!File.Exists(log)) return [];
        return File.ReadAllLines(log).Select(line => line.Split(' ', 2)).Select(parts => (
            DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(double.Parse(parts[0].Replace(',', '.'), CultureInfo.InvariantCulture)),
            parts[1])).ToList();
    }

    /// <summary>Defines a libvirt domain in a state such as "running" or "shut off".</summary>
    public void SetDomain(string name, string state)
    {
        Directory.CreateDirectory(Path.Combine(StateDirectory, "domains"));
        File.WriteAllText(Path.Combine(StateDirectory, "domains", name), state + "\n");
    }

    /// <summary>The libvirt domain's state, or null when this host does not know it.</summary>
    public string? DomainState(string name)
    {
        var file = Path.Combine(StateDirectory, "domains", name);
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }

    /// <summary>Registers an ESXi VM and returns its vmid.</summary>
    public string RegisterEsxiVm(string name, string vmx, bool poweredOn)
    {
        var vms = Directory.CreateDirectory(Path.Combine(StateDirectory, "vms")).FullName;
        var id = (Directory.GetDirectories(vms).Select(d => int.Parse(Path.GetFileName(d))).DefaultIfEmpty(0).Max() + 1).ToString();
        var folder = Directory.CreateDirectory(Path.Combine(vms, id)).FullName;
        File.WriteAllText(Path.Combine(folder, "name"), name + "\n");
        File.WriteAllText(Path.Combine(folder, "vmx"), vmx + "\n");
        File.WriteAllText(Path.Combine(folder, "power"), (poweredOn ? "on" : "off") + "\n");
        return id;
    }

    /// <summary>The power ("on" or "off") of each ESXi VM of that name, in vmid order.</summary>
    public IReadOnlyList<string> EsxiPower(string name)
    {
        var vms = Path.Combine(StateDirectory, "vms");
        if (!Directory.Exists(vms)) return [];
        return Directory.GetDirectories(vms)
            .OrderBy(d => int.Parse(Path.GetFileName(d)))
            .Where(d => File.ReadAllText(Path.Combine(d, "name")).Trim() == name)
            .Select(d => File.ReadAllText(Path.Combine(d, "power")).Trim())
            .ToList();
    }

    /// <summary>From now on every virsh or vim-cmd call hangs.</summary>
    public void HangCommands() => File.WriteAllText(Path.Combine(StateDirectory, "hang"), "");

    /// <summary>How many virsh or vim-cmd calls have hung so far.</summary>
    public int HungCommands => File.Exists(HangingPids) ? File.ReadAllLines(HangingPids).Length : 0;

    /// <summary>Kills every hanging call: each ends as killed by SIGKILL.</summary>
    public void KillHungCommands()
    {
        if (File.Exists(HangingPids)) ProcessTree.Kill(File.ReadAllLines(HangingPids).Select(int.Parse));
    }

    /// <summary>What the guest's reboot does: "exit" (default), "drop" (kills its SSH session), "fail" or "hang".</summary>
    public void SetRebootMode(string mode) => File.WriteAllText(Path.Combine(StateDirectory, "reboot-mode"), mode + "\n");

    private string HangingPids => Path.Combine(StateDirectory, "hanging.pids");

    public async ValueTask DisposeAsync()
    {
        KillHungCommands();
        await Ssh.DisposeAsync();
        _directory.Dispose();
    }
}
