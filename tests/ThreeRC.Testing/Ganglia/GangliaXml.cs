using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ThreeRC.Testing.Ganglia;

/// <summary>Reads a Ganglia XML document from a loopback port the way gmetad and the monitor do: connect, read to the end.</summary>
public static class GangliaXml
{
    /// <summary>The whole document; <paramref name="request"/> is a line for gmetad's interactive port, such as /lab/alfa01.</summary>
    public static async Task<string> ReadAsync(int port, string? request = null, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancel.Token);
        var stream = client.GetStream();
        if (request is not null) await stream.WriteAsync(Encoding.ASCII.GetBytes(request + "\n"), cancel.Token);
        using var document = new MemoryStream();
        await stream.CopyToAsync(document, cancel.Token);
        return Encoding.Latin1.GetString(document.ToArray());
    }

    /// <summary>Waits until <paramref name="process"/> serves a whole document on <paramref name="port"/> that <paramref name="ready"/> accepts.</summary>
    internal static Task WaitUntilServedAsync(int port, ServiceProcess process, string what, Func<string, bool>? ready = null) =>
        Eventually.Until(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"{what} exited with {process.ExitCode}:\n{process.Output}");
            try
            {
                var xml = await ReadAsync(port, timeout: TimeSpan.FromSeconds(2));
                return xml.Contains("</GANGLIA_XML>", StringComparison.Ordinal) && (ready?.Invoke(xml) ?? true);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), $"{what} serving Ganglia XML on 127.0.0.1:{port}");
}
