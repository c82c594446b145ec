using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using ThreeRC.Monitor.Push;
using ThreeRC.Testing;

namespace ThreeRC.Monitor.Tests.Push;

/// <summary>Ganglia's packets as Debian's gmetric sends them, decoded; and mangled ones, refused with a reason and nothing else.</summary>
public sealed class GangliaPacketReaderTests : IDisposable
{
    private readonly TempDirectory _folder = new("gmetric");
    private readonly UdpClient _receiver = new(new IPEndPoint(IPAddress.Loopback, 0));

    [Fact]
    public async Task A_spoofed_heartbeat_reads_as_the_spoofed_hosts_metadata_then_its_heartbeat()
    {
        var packets = await GmetricAsync("--spoof", "10.99.0.1:alfa01", "--heartbeat");

        Assert.Equal(new GangliaPacket("alfa01", "heartbeat", IsValue: false), GangliaPacketReader.Read(packets[0]));
        var heartbeat = GangliaPacketReader.Read(packets[1]);
        Assert.Equal(new GangliaPacket("alfa01", "heartbeat", IsValue: true), heartbeat); // gmetric sends every value as a string
        Assert.True(heartbeat.IsHeartbeat);
    }

    [Theory]
    [InlineData("string", "up")]
    [InlineData("int8", "-3")]
    [InlineData("uint8", "3")]
    [InlineData("int16", "-300")]
    [InlineData("uint16", "300")]
    [InlineData("int32", "-70000")]
    [InlineData("uint32", "70000")]
    [InlineData("float", "0.5")]
    [InlineData("double", "0.25")]
    public async Task A_value_of_every_gmetric_type_reads(string type, string value)
    {
        var packets = await GmetricAsync("--spoof", "10.99.0.2:gridce", "--name", "probe", "--value", value, "--type", type, "--units", "u");

        Assert.Equal(new GangliaPacket("gridce", "probe", IsValue: false), GangliaPacketReader.Read(packets[0]));
        Assert.Equal(new GangliaPacket("gridce", "probe", IsValue: true), GangliaPacketReader.Read(packets[1]));
    }

    [Fact]
    public async Task A_packet_that_is_not_spoofed_speaks_for_the_host_that_sent_it()
    {
        var packets = await GmetricAsync("--name", "probe", "--value", "1", "--type", "int32");

        Assert.All(packets, packet => Assert.Equal(Dns.GetHostName(), GangliaPacketReader.Read(packet).Host));
    }

    [Fact]
    public async Task A_gmonds_own_heartbeat_reads_as_its_host()
    {
        var port = ((IPEndPoint)_receiver.Client.LocalEndPoint!).Port;
        var configuration = _folder.Write("own-gmond.conf", $$"""
            globals {
              daemonize = no
              setuid = no
              mute = no
              deaf = yes
              send_metadata_interval = 0
            }
            cluster { name = "push" }
            udp_send_channel {
              host = 127.0.0.1
              port = {{port}}
            }
            modules {
              module { name = "core_metrics" }
            }
            collection_group {
              collect_once = yes
              time_threshold = 1
              metric { name = "heartbeat" }
            }
            """);
        var startedAfter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;
        await using var gmond = ServiceProcess.Start("gmond", ["--conf", configuration, "--foreground"]);

        var heard = new List<GangliaPacket>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (heard.Count(packet => packet.IsHeartbeat) < 2) heard.Add(GangliaPacketReader.Read((await _receiver.ReceiveAsync(timeout.Token)).Buffer));

        Assert.All(heard, packet => Assert.Equal((Dns.GetHostName(), "heartbeat"), (packet.Host, packet.Metric)));
        Assert.Contains(heard, packet => !packet.IsValue);
        // Each heartbeat carries the time its gmond started: the same in every one.
        var started = Assert.Single(heard.Where(packet => packet.IsHeartbeat).Select(packet => packet.Uint).Distinct());
        Assert.InRange(started!.Value, startedAfter, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData(new byte[0], "truncated in message id: 4 bytes wanted, 0 left")]
    [InlineData(new byte[] { 0, 0, 0, 5 }, "unknown message id 5")]
    [InlineData(new byte[] { 0, 0, 0, 132, 0x7f, 0xff, 0xff, 0xff }, "host: a length of 2147483647 bytes")]
    [InlineData(new byte[] { 0, 0, 0, 132, 0, 0, 0, 8, 1, 2 }, "truncated in host: 8 bytes wanted, 2 left")]
    [InlineData(new byte[] { 0, 0, 0, 136, 0, 0, 0, 1, 97, 0, 0, 0, 0, 0, 0, 1, 98, 0, 0, 0, 0, 0, 0, 2 }, "spoof flag: 2 is not an XDR bool")]
    [InlineData(new byte[] { 0, 0, 0, 136, 0, 0, 0, 1, 97, 0, 0, 0, 0, 0, 0, 1, 98, 0, 0, 0, 0, 0, 0, 0, 9 }, "1 more byte(s) after the message")]
    public void A_malformed_packet_is_refused_saying_what_is_wrong(byte[] packet, string reason)
    {
        var refused = Assert.Throws<GangliaPacketException>(() => GangliaPacketReader.Read(packet));

        Assert.Equal(reason, refused.Message);
    }

    [Fact]
    public async Task Truncated_corrupted_and_random_packets_are_refused_and_nothing_else_is_thrown()
    {
        var real = (await GmetricAsync("--spoof", "10.99.0.1:alfa01", "--heartbeat"))
            .Concat(await GmetricAsync("--spoof", "10.99.0.2:gridce", "--name", "motd", "--value", "all is well", "--type", "string"))
            .Concat(await GmetricAsync("--spoof", "10.99.0.3:gridse", "--name", "load", "--value", "0.25", "--type", "double"))
            .ToList();
        var random = new Random(20261207);
        var refused = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var packet = Mangle(real[random.Next(real.Count)], random);
            try
            {
                GangliaPacketReader.Read(packet);
            }
            catch (GangliaPacketException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                refused++;
            }
        }

        Assert.InRange(refused, 10_000, 20_000);
    }

    public void Dispose()
    {
        _receiver.Dispose();
        _folder.Dispose();
    }

    /// <summary>Runs gmetric with a configuration that sends to this test's socket; the two packets it sent (metadata, value).</summary>
    private async Task<List<byte[]>> GmetricAsync(params string[] arguments)
    {
        var port = ((IPEndPoint)_receiver.Client.LocalEndPoint!).Port;
        var configuration = _folder.Write("gmond.conf", $"udp_send_channel {{\n  host = 127.0.0.1\n  port = {port}\n}}\n");
        var sent = await Command.RunAsync("gmetric", ["--conf", configuration, .. arguments], TimeSpan.FromSeconds(10));
        Assert.True(sent.ExitCode == 0, sent.ToString());
        var packets = new List<byte[]>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (packets.Count < 2) packets.Add((await _receiver.ReceiveAsync(timeout.Token)).Buffer);
        return packets;
    }

    /// <summary>One of: cut short, bytes flipped, a word made huge or negative, bytes appended, random bytes, oversize.</summary>
    private static byte[] Mangle(byte[] packet, Random random)
    {
        var mangled = packet.ToArray();
        switch (random.Next(6))
        {
            case 0:
                return mangled[..random.Next(mangled.Length)];
            case 1:
                for (var flips = random.Next(1, 5); flips > 0; flips--) mangled[random.Next(mangled.Length)] ^= (byte)random.Next(1, 256);
                return mangled;
            case 2:
                var word = random.Next(mangled.Length / 4) * 4;
                BinaryPrimitives.WriteUInt32BigEndian(mangled.AsSpan(word), random.Next(3) switch { 0 => 0x7fffffffu, 1 => 0xffffffffu, _ => (uint)random.Next() });
                return mangled;
            case 3:
                return [.. mangled, .. Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256))];
            case 4:
                var noise = new byte[random.Next(0, 200)];
                random.NextBytes(noise);
                return noise;
            default:
                return new byte[GangliaPacketReader.MaxPacketBytes + 1 + random.Next(100)];
        }
    }
}
