using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ThreeRC.Monitor.Tests.Support;

/// <summary>
/// A TCP server on a free loopback port standing in for a gmond that misbehaves: each connection gets the next
/// scripted behaviour (the last one repeats), then the connection is closed.
/// </summary>
internal sealed class ScriptedGangliaServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<Func<Stream, CancellationToken, Task>> _script = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private Func<Stream, CancellationToken, Task> _last = (_, _) => Task.CompletedTask;

    public ScriptedGangliaServer(params Func<Stream, CancellationToken, Task>[] script)
    {
        foreach (var behaviour in script) _script.Enqueue(behaviour);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Source => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public static Func<Stream, CancellationToken, Task> Sends(byte[] document) => (stream, stop) => stream.WriteAsync(document, stop).AsTask();

    /// <summary>Writes without end, until the reader hangs up.</summary>
    public static Func<Stream, CancellationToken, Task> SendsForever() => async (stream, stop) =>
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        while (!stop.IsCancellationRequested) await stream.WriteAsync(chunk, stop);
    };

    /// <summary>Accepts the connection and never writes.</summary>
    public static Func<Stream, CancellationToken, Task> StaysSilent() => (_, stop) => Task.Delay(Timeout.Infinite, stop);

    /// <summary>Writes one byte every 100 ms, for ever.</summary>
    public static Func<Stream, CancellationToken, Task> Drips() => async (stream, stop) =>
    {
        while (!stop.IsCancellationRequested)
        {
            await stream.WriteAsync("<"u8.ToArray(), stop);
            await Task.Delay(100, stop);
        }
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // Stopped: InvalidOperationException when the listener stopped between the loop's check and the accept.
                return;
            }

            if (_script.TryDequeue(out var next)) _last = next;
            _ = ServeAsync(client, _last);
        }
    }

    private async Task ServeAsync(TcpClient client, Func<Stream, CancellationToken, Task> behaviour)
    {
        using (client)
        {
            try
            {
                await behaviour(client.GetStream(), _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The reader hung up, or the test is over.
            }
        }
    }
}
