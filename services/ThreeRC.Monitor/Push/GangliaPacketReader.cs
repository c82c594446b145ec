using System.Buffers.Binary;
using System.Text;

namespace ThreeRC.Monitor.Push;

/// <summary>
/// Decodes the XDR of a Ganglia 3.1+ packet (gm_protocol.x): a message id, the metric id (host, name, spoof flag), then
/// the metadata or the value. Every length is checked against what is left of the packet and against a bound, so a
/// truncated, corrupt or hostile packet costs one pass over its bytes and ends in a <see cref="GangliaPacketException"/>.
/// </summary>
internal static class GangliaPacketReader
{
    /// <summary>The largest packet gmond sends fits a 1500-byte MTU; anything longer is not Ganglia's.</summary>
    public const int MaxPacketBytes = 1500;

    private const int MaxStringBytes = 1024;
    private const int MaxExtraData = 64;
    private const int MetadataFull = 128;
    private const int UintValue = 132;
    private const int MetadataRequest = 136;

    public static GangliaPacket Read(ReadOnlySpan<byte> packet)
    {
        if (packet.Length > MaxPacketBytes) throw new GangliaPacketException($"{packet.Length} bytes: longer than a Ganglia packet");
        var xdr = new Xdr(packet);
        var id = xdr.Int("message id");
        if (id is < MetadataFull or > MetadataRequest) throw new GangliaPacketException($"unknown message id {id}");
        var host = xdr.String("host");
        var metric = xdr.String("metric name");
        var spoofed = xdr.Bool("spoof flag");
        uint? value = null;
        switch (id)
        {
            case MetadataFull:
                SkipMetadata(ref xdr);
                break;
            case MetadataRequest:
                break;
            default:
                value = ReadValue(ref xdr, id);
                break;
        }

        if (!xdr.AtEnd) throw new GangliaPacketException($"{xdr.Left} more byte(s) after the message");
        if (host.Length == 0) throw new GangliaPacketException("no host");
        var name = spoofed && host.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? host[(colon + 1)..] : host;
        return new GangliaPacket(name, metric, id is > MetadataFull and < MetadataRequest, value);
    }

    private static void SkipMetadata(ref Xdr xdr)
    {
        xdr.String("type");
        xdr.String("name");
        xdr.String("units");
        xdr.Skip(12, "slope, tmax and dmax");
        var extra = xdr.Int("extra data count");
        if (extra is < 0 or > MaxExtraData) throw new GangliaPacketException($"{extra} extra data entries");
        for (var i = 0; i < extra; i++)
        {
            xdr.String("extra data name");
            xdr.String("extra data");
        }
    }

    /// <summary>
    /// The format string, then the value: ushort, short, int, uint and float take 4 bytes, double 8, string its own.
    /// Returns the value of a uint (gmond's heartbeat), null for the others.
    /// </summary>
    private static uint? ReadValue(ref Xdr xdr, int id)
    {
        xdr.String("format");
        switch (id)
        {
            case UintValue:
                return unchecked((uint)xdr.Int("uint value"));
            case 133:
                xdr.String("string value");
                return null;
            case 135:
                xdr.Skip(8, "double value");
                return null;
            default:
                xdr.Skip(4, "value");
                return null;
        }
    }

    /// <summary>XDR's big-endian 4-byte units over the packet; every read checks what is left.</summary>
    private ref struct Xdr(ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        public readonly bool AtEnd => _rest.IsEmpty;

        public readonly int Left => _rest.Length;

        public int Int(string what) => BinaryPrimitives.ReadInt32BigEndian(Take(4, what));

        public bool Bool(string what) => Int(what) switch
        {
            0 => false,
            1 => true,
            var other => throw new GangliaPacketException($"{what}: {other} is not an XDR bool"),
        };

        public string String(string what)
        {
            var length = Int($"{what} length");
            if (length is < 0 or > MaxStringBytes) throw new GangliaPacketException($"{what}: a length of {length} bytes");
            var text = Take(length, what);
            Take((4 - length % 4) % 4, $"{what} padding");
            return Encoding.UTF8.GetString(text);
        }

        public void Skip(int bytes, string what) => Take(bytes, what);

        private ReadOnlySpan<byte> Take(int bytes, string what)
        {
            if (bytes > _rest.Length) throw new GangliaPacketException($"truncated in {what}: {bytes} bytes wanted, {_rest.Length} left");
            var taken = _rest[..bytes];
            _rest = _rest[bytes..];
            return taken;
        }
    }
}
