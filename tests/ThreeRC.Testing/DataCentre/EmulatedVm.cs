using ThreeRC.StandIns;
using ThreeRC.Testing.Ganglia;

namespace ThreeRC.Testing.DataCentre;

/// <summary>
/// A VM of the emulated data centre: a guest with a real sshd and the reboot look-alike, a gmetric heartbeat while
/// it runs, and a boot NIC whose pxelinux entry decides, at each start, between booting and reinstalling.
/// </summary>
public sealed class EmulatedVm : IAsyncDisposable
{
    private readonly CallLog _calls;

    private EmulatedVm(string name, string mac, string home, SimulatedHost guest, SpoofedHost heartbeat, string definition)
    {
        Name = name;
        Mac = mac;
        Home = home;
        Guest = guest;
        Heartbeat = heartbeat;
        Definition = definition;
        _calls = new CallLog(Path.Combine(guest.StateDirectory, "calls.log"));
    }

    public string Name { get; }

    public string Mac { get; }

    /// <summary>Its home host in the inventory.</summary>
    public string Home { get; }

    public SimulatedHost Guest { get; }

    public SpoofedHost Heartbeat { get; }

    /// <summary>Its libvirt domain XML, on the data centre's shared storage.</summary>
    public string Definition { get; }

    public VmFault Fault { get; internal set; }

    /// <summary>Its pxelinux file name: 01- and the MAC with dashes.</summary>
    public string PxelinuxFile => PxelinuxEntry.FileFor(Mac);

    public static async Task<EmulatedVm> StartAsync(string name, string mac, string home, SshKeyPair clientKey, GmondProcess gmond, string sharedStorage)
    {
        var definition = Path.Combine(sharedStorage, name + ".xml");
        await File.WriteAllTextAsync(definition, $"<domain type='qemu'><name>{name}</name><memory unit='MiB'>512</memory></domain>\n");
        var guest = await SimulatedHost.StartAsync(clientKey);
        var heartbeat = await gmond.SpoofAsync(name, interval: EmulatedDataCentre.HeartbeatInterval);
        return new EmulatedVm(name, mac, home, guest, heartbeat, definition);
    }

    /// <summary>The guest commands (reboot) run since the last look.</summary>
    internal IReadOnlyList<string> NewCalls() => _calls.ReadNew();

    /// <summary>Stops the guest; its heartbeat belongs to the gmond it reports to, which stops it.</summary>
    public ValueTask DisposeAsync() => Guest.DisposeAsync();
}
