using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace ThreeRC.PxeProvisioner.Tests.Support;

/// <summary>A minimal DNS client: asks a server for a name's HINFO record over UDP, as a post-install step would with dig.</summary>
internal static class HinfoQuery
{
    private const ushort HinfoType = 13;

    /// <summary>The CPU and OS strings of the first HINFO answer, or null when there is none.</summary>
    public static async Task<(string Cpu, string Os)?> AskAsync(string server, int port, string name)
    {
        using var udp = new UdpClient(server, port);
        await udp.SendAsync(Query(name));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var answer = (await udp.ReceiveAsync(timeout.Token)).Buffer;
        return FirstHinfo(answer);
    }

    private static byte[] Query(string name)
    {
        var query = new List<byte> { 0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.Split('.')) query.AddRange([(byte)label.Length, .. Encoding.ASCII.GetBytes(label)]);
        query.AddRange([0, 0, (byte)HinfoType, 0, 1]);
        return [.. query];
    }

    private static (string, string)? FirstHinfo(byte[] message)
    {
        var answers = BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(6));
        var offset = SkipName(message, 12) + 4;
        for (var i = 0; i < answers; i++)
        {
            offset = SkipName(message, offset);
            var type = BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(offset));
            var length = BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(offset + 8));
            var data = offset + 10;
            if (type == HinfoType)
            {
                var cpu = Encoding.ASCII.GetString(message, data + 1, message[data]);
                var osAt = data + 1 + message[data];
                return (cpu, Encoding.ASCII.GetString(message, osAt + 1, message[osAt]));
            }

            offset = data + length;
        }

        return null;
    }

    private static int SkipName(byte[] message, int offset)
    {
        while (message[offset] != 0)
        {
            if ((message[offset] & 0xC0) == 0xC0) return offset + 2;
            offset += message[offset] + 1;
        }

        return offset + 1;
    }
}
