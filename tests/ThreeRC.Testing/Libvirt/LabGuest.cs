using System.Net.Sockets;
using System.Text;
using ThreeRC.Testing.Ganglia;

namespace ThreeRC.Testing.Libvirt;

/// <summary>
/// A QEMU guest of the lab: its domain XML on the lab's shared storage (the inventory's definition, the same for
/// every host), its console log, and the control channel (its second serial port, a Unix socket) through which the
/// lab makes the guest hang (no more heartbeats; the domain keeps running) or panic.
/// </summary>
public sealed class LabGuest
{
    private LabGuest(string name, string home, string mac, string spoofAddress, string storage)
    {
        Name = name;
        Home = home;
        Mac = mac;
        SpoofAddress = spoofAddress;
        Definition = Path.Combine(storage, name + ".xml");
        Console = Path.Combine(storage, name + ".console");
        ControlSocket = Path.Combine(storage, name + ".ctl");
    }

    public string Name { get; }

    /// <summary>Its home host in the inventory.</summary>
    public string Home { get; }

    public string Mac { get; }

    /// <summary>The address it reports to Ganglia under (gmond keys spoofed hosts by address).</summary>
    public string SpoofAddress { get; }

    public string Definition { get; }

    /// <summary>Its first serial port: the kernel's and init's messages.</summary>
    public string Console { get; }

    public string ControlSocket { get; }

    /// <summary>Writes its definition to <paramref name="storage"/>: 96 MB, software emulation, user networking, direct kernel boot.</summary>
    public static LabGuest Create(string name, string home, int number, GmondProcess gmond, string storage)
    {
        var guest = new LabGuest(name, home, $"52:54:00:00:1a:{number:x2}", $"10.98.0.{number}", storage);
        File.WriteAllText(guest.Definition, GuestDomain.Xml(guest, gmond));
        // Created here, readable and writable by every host's user: libvirt appends to it on whichever host runs the guest.
        File.WriteAllText(guest.Console, "");
        FileModes.Set(guest.Console, FileModes.EveryoneReadsWrites);
        return guest;
    }

    /// <summary>The guest stops its heartbeat; its kernel and its domain keep running.</summary>
    public Task HangAsync() => SendAsync("hang");

    /// <summary>The guest's kernel panics; QEMU, and so the domain, keeps running.</summary>
    public Task PanicAsync() => SendAsync("panic");

    public string ConsoleText() => File.Exists(Console) ? File.ReadAllText(Console) : "";

    private async Task SendAsync(string command)
    {
        var acknowledgement = $"threerc-guest: {(command == "hang" ? "hung" : command)}";
        var before = Acknowledgements(acknowledgement);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(ControlSocket));
        await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"));
        await Eventually.Until(() => Acknowledgements(acknowledgement) > before, TimeSpan.FromSeconds(20), $"{Name} acknowledging '{command}' on its console");
    }

    /// <summary>How many times the console says <paramref name="line"/>: the log is appended across boots and hosts.</summary>
    private int Acknowledgements(string line) => ConsoleText().Split('\n').Count(text => text.TrimEnd('\r').EndsWith(line, StringComparison.Ordinal));
}
