using System.Net.Sockets;
using Microsoft.Extensions.Options;
using ThreeRC.Monitor.Options;

namespace ThreeRC.Monitor.Ganglia;

/// <summary>
/// Reads a source as gmetad does: connect, read until the source closes the connection, then parse. The whole
/// read has one deadline (a source that accepts and never writes is a failure) and the size limit is enforced
/// while the bytes arrive.
/// </summary>
internal sealed class GangliaTcpReader(IOptions<MonitorOptions> options, TimeProvider time) : IGangliaReader
{
    public async Task<GangliaDocument> ReadAsync(GangliaSource source, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new TcpClient();
        await ConnectAsync(client, source, settings.ConnectTimeout, cancellationToken);
        using var document = new DocumentBuffer(settings.MaxDocumentBytes);
        await ReceiveAsync(client.GetStream(), document, settings.ReadTimeout, cancellationToken);
        try
        {
            return GangliaXmlParser.Parse(document.AsStream());
        }
        catch (GangliaFormatException e)
        {
            throw new GangliaSourceException($"sent a broken document: {e.Message}", e);
        }
    }

    private async Task ConnectAsync(TcpClient client, GangliaSource source, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new Deadline(timeout, time, cancellationToken);
        try
        {
            await client.ConnectAsync(source.Host, source.Port, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            throw new GangliaSourceException($"accepted no connection within {timeout.TotalSeconds:0.###} s (Monitor:ConnectTimeout)");
        }
        catch (SocketException e)
        {
            throw new GangliaSourceException($"cannot be reached: {Describe(e)}", e);
        }
    }

    private async Task ReceiveAsync(NetworkStream stream, DocumentBuffer document, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new Deadline(timeout, time, cancellationToken);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(document.FreeSpace(), deadline.Token)) > 0) document.Advance(read);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            throw new GangliaSourceException(
                $"did not send its whole document within {timeout.TotalSeconds:0.###} s (Monitor:ReadTimeout); {document.Length} bytes came");
        }
        catch (IOException e)
        {
            throw new GangliaSourceException($"broke the connection after {document.Length} bytes: {e.Message}", e);
        }

        if (document.Length == 0) throw new GangliaSourceException("closed the connection without sending a document");
    }

    private static string Describe(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData => "host name not found",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "no route to host",
        _ => e.Message,
    };
}
