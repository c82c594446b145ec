using System.Diagnostics.CodeAnalysis;
using ThreeRC.Inventory;

namespace ThreeRC.Monitor.Ganglia;

/// <summary>A Ganglia daemon the monitor reads: host:port of a gmond tcp_accept_channel or a gmetad xml_port.</summary>
internal sealed record GangliaSource(string Host, int Port)
{
    public static GangliaSource Parse(string text) =>
        TryParse(text, out var source, out var error) ? source : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out GangliaSource? source, [NotNullWhen(false)] out string? error)
    {
        source = null;
        var colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0)
        {
            error = $"'{text}' is not host:port (such as 127.0.0.1:8649)";
            return false;
        }

        var host = text[..colon].Trim('[', ']');
        if (!InventoryPatterns.Address().IsMatch(host))
        {
            error = $"'{host}' in '{text}' is not a host name or IP address";
            return false;
        }

        if (!int.TryParse(text[(colon + 1)..], out var port) || port is < 1 or > 65535)
        {
            error = $"'{text[(colon + 1)..]}' in '{text}' is not a port number";
            return false;
        }

        source = new GangliaSource(host, port);
        error = null;
        return true;
    }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
