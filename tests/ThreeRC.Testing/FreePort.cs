using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ThreeRC.Testing;

/// <summary>
/// Free loopback ports for the parts the tests start. They are drawn at random below Linux's ephemeral range
/// (32768–60999): a port the kernel handed out (port 0) is free only until any process opens an outgoing
/// connection, which takes its local port from that same range, so a service could find its port taken. A port is
/// handed out once per machine while the test process lives: the stacks of parallel test collections (and of the
/// test projects running beside each other) draw their ports long before their services bind them, and two of them
/// drawing the same one made a service fail to start. The reservation is a lock on a file named after the port, which
/// the kernel drops when the process ends, however it ends.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Last = 32000;
    private static readonly string Reservations = Path.Combine(Path.GetTempPath(), "threerc-test-ports");
    private static readonly List<FileStream> Held = [];

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int Next() => Find(port =>
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
    });

    /// <summary>A UDP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int NextUdp() => Find(port =>
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
    });

    private static int Find(Action<int> bind)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            if (!Reserve(port)) continue;
            try
            {
                bind(port);
                return port;
            }
            catch (SocketException)
            {
                // taken: draw another
            }
        }

        throw new InvalidOperationException($"no free port between {First} and {Last} on 127.0.0.1 after 200 draws");
    }

    /// <summary>
    /// Whether no other test, in this process or another, holds the port: .NET takes an exclusive lock (flock) on a file
    /// opened with <see cref="FileShare.None"/>, and it is held until the process ends.
    /// </summary>
    private static bool Reserve(int port)
    {
        Directory.CreateDirectory(Reservations);
        try
        {
            var file = new FileStream(Path.Combine(Reservations, port.ToString(CultureInfo.InvariantCulture)),
                FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            lock (Held) Held.Add(file);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
