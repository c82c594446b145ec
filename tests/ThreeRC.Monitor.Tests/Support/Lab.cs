using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Extensions;
using ThreeRC.Testing;
using ThreeRC.Testing.Ganglia;

namespace ThreeRC.Monitor.Tests.Support;

/// <summary>
/// Hosts of an inventory emulated on a real gmond (by default the test inventory's four), and the monitor module in a
/// host of its own polling it every half second with an absolute limit of seconds, so that a silent host is found in
/// seconds rather than gmond's 80.
/// </summary>
internal sealed class Lab : IAsyncDisposable
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    public static readonly SpoofedLoad Alfa01Load = new(0.42, 0.37, 16, 65843012, 41234560);

    public static readonly Type[] Events =
        [typeof(HostUnresponsive), typeof(HostResponsive), typeof(HostLoadReported), typeof(MonitorSourceUnavailable), typeof(MonitorSourceRestored)];

    private readonly TempDirectory _folder = new("monitor-lab");

    private Lab(GmondProcess gmond, IReadOnlyDictionary<string, SpoofedHost> hosts, string inventory)
    {
        Gmond = gmond;
        Hosts = hosts;
        InventoryPath = _folder.Write("inventory.yaml", inventory);
    }

    public GmondProcess Gmond { get; }

    /// <summary>The emulated hosts by name, each heartbeating every second.</summary>
    public IReadOnlyDictionary<string, SpoofedHost> Hosts { get; }

    public string InventoryPath { get; }

    /// <summary>The test inventory: alfa01 (with load), alfa02, gridce and gridse, with a 3 s absolute limit.</summary>
    public static Task<Lab> StartAsync() => StartAsync(
        TestInventory.Yaml($"tmaxFactor: 4\nabsoluteLimit: {Limit.TotalSeconds}s", sshPort: FreePort.Next()),
        ("alfa01", Alfa01Load), ("alfa02", null), ("gridce", null), ("gridse", null));

    /// <summary>
    /// The test inventory with an absolute limit of <paramref name="xmlLimit"/>, its gmond sending every packet to a
    /// port of the monitor's too (Monitor:Push), and the hosts heartbeating every <paramref name="heartbeat"/>.
    /// </summary>
    public static Task<Lab> StartWithPushAsync(TimeSpan xmlLimit, TimeSpan heartbeat) => StartAsync(
        TestInventory.Yaml($"tmaxFactor: 4\nabsoluteLimit: {xmlLimit.TotalSeconds}s", sshPort: FreePort.Next()), FreePort.NextUdp(), heartbeat,
        ("alfa01", Alfa01Load), ("alfa02", null), ("gridce", null), ("gridse", null));

    /// <summary>An inventory of physical hosts only, none reporting load, with an absolute limit of <paramref name="limit"/>.</summary>
    public static Task<Lab> StartPhysicalHostsAsync(TimeSpan limit, params string[] names) => StartAsync(
        TestInventory.PhysicalHostsYaml($"tmaxFactor: 4\nabsoluteLimit: {limit.TotalSeconds}s", names),
        [.. names.Select(name => (name, (SpoofedLoad?)null))]);

    /// <summary>The monitor's configuration keys for these sources (the gmond's by default).</summary>
    public Dictionary<string, string?> MonitorConfiguration(params string[] sources) => new()
    {
        ["Inventory:Path"] = InventoryPath,
        ["Bus:Transport"] = "InMemory",
        ["Monitor:Sources:0"] = sources.Length > 0 ? sources[0] : Gmond.Source,
        ["Monitor:Sources:1"] = sources.Length > 1 ? sources[1] : null,
        ["Monitor:PollInterval"] = PollInterval.ToString(),
        ["Monitor:ReadTimeout"] = "00:00:02",
        ["Monitor:Push:Port"] = Gmond.AlsoSendTo?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Monitor:Push:Bind"] = Gmond.AlsoSendTo is null ? null : "127.0.0.1",
    };

    /// <summary>The monitor module alone in a host on the in-memory bus, recording every event it publishes and every log line.</summary>
    public Task<ModuleHost> StartMonitorAsync(params string[] sources) =>
        ModuleHost.StartAsync(MonitorConfiguration(sources).Where(pair => pair.Value is not null).ToDictionary(), modules => modules.AddMonitor(), Events,
            builder => builder.Logging.AddFakeLogging());

    private static Task<Lab> StartAsync(string inventory, params (string Name, SpoofedLoad? Load)[] hosts) =>
        StartAsync(inventory, null, TimeSpan.FromSeconds(1), hosts);

    private static async Task<Lab> StartAsync(string inventory, int? pushPort, TimeSpan heartbeat, params (string Name, SpoofedLoad? Load)[] hosts)
    {
        var gmond = new GmondProcess(alsoSendTo: pushPort);
        await gmond.StartAsync();
        var spoofed = new Dictionary<string, SpoofedHost>();
        foreach (var (name, load) in hosts) spoofed[name] = await gmond.SpoofAsync(name, load, heartbeat);
        return new Lab(gmond, spoofed, inventory);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Gmond.DisposeAsync();
        }
        finally
        {
            _folder.Dispose();
        }
    }
}
