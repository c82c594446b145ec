using ThreeRC.Inventory.Model;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Harness;

/// <summary>
/// Machines for one test: simulated hosts behind real sshd instances, the executor's key, its known_hosts file,
/// VM definitions on "shared storage", and the inventory that names them.
/// </summary>
internal sealed class Lab : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly List<SimulatedHost> _hosts;

    private Lab(TempDirectory directory, SshKeyPair key, List<SimulatedHost> hosts)
    {
        _directory = directory;
        Key = key;
        _hosts = hosts;
        KnownHostsFile = directory.Write("known_hosts", string.Concat(hosts.Select(h => h.Ssh.KnownHostsLine + "\n")));
    }

    /// <summary>The executor's private key, authorized on every host.</summary>
    public SshKeyPair Key { get; }

    public string KnownHostsFile { get; }

    public SimulatedHost this[int index] => _hosts[index];

    public static async Task<Lab> StartAsync(int hosts)
    {
        var directory = new TempDirectory("executor-lab");
        var started = new List<SimulatedHost>();
        try
        {
            var key = await SshKeyPair.CreateAsync(directory.Path, "id_ed25519");
            foreach (var _ in Enumerable.Range(0, hosts)) started.Add(await SimulatedHost.StartAsync(key));
            return new Lab(directory, key, started);
        }
        catch
        {
            foreach (var host in started) await host.DisposeAsync();
            directory.Dispose();
            throw;
        }
    }

    public string Write(string name, string content) => _directory.Write(name, content);

    public Task<SshKeyPair> NewKeyAsync(string name) => SshKeyPair.CreateAsync(_directory.Path, name);

    /// <summary>A libvirt domain XML for the VM on the lab's shared storage.</summary>
    public string LibvirtDefinition(string vm) => Write($"{vm}.xml", $"<domain type='qemu'>\n  <name>{vm}</name>\n  <memory unit='MiB'>128</memory>\n</domain>\n");

    /// <summary>An ESXi .vmx for the VM on the lab's shared storage.</summary>
    public string EsxiDefinition(string vm) => Write($"{vm}.vmx", $"displayName = \"{vm}\"\nmemSize = \"128\"\n");

    /// <summary>The executor's configuration: timeouts short enough for quick refusals, long enough for a loaded machine, plus <paramref name="extra"/>.</summary>
    public Dictionary<string, string?> Configuration(params (string Key, string? Value)[] extra)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Executor:Ssh:KnownHostsFile"] = KnownHostsFile,
            ["Executor:Ssh:DefaultKeyFile"] = Key.PrivateKeyFile,
            ["Executor:Ssh:ConnectTimeout"] = "00:00:10",
            ["Executor:Ssh:CommandTimeout"] = "00:00:10",
            ["Executor:Ssh:ConnectAttempts"] = "2",
            ["Executor:Ssh:RetryDelay"] = "00:00:00.200",
            ["Executor:GuestRebootTimeout"] = "00:00:10",
            ["Executor:Ipmi:PowerOffTimeout"] = "00:00:05",
            ["Executor:Ipmi:PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in extra) configuration[key] = value;
        return configuration;
    }

    public Executor Executor(string inventoryYaml, params (string Key, string? Value)[] extra) =>
        Harness.Executor.Create(inventoryYaml, Configuration(extra));

    public Executor Executor(ClusterInventory inventory, params (string Key, string? Value)[] extra) =>
        Harness.Executor.Create(inventory, Configuration(extra));

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        _directory.Dispose();
    }
}
