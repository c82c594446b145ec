using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ThreeRC.Testing;

/// <summary>
/// The receiving end of what a service sends over HTTP (a webhook, an OTLP export) on loopback: answers each request
/// with the status a script gives it, and keeps what came.
/// </summary>
public sealed class HttpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, HttpStatusCode> _status;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    /// <param name="status">The status of the n-th request (1, 2, …); 200 for all when null.</param>
    public HttpReceiver(Func<int, HttpStatusCode>? status = null)
    {
        _status = status ?? (_ => HttpStatusCode.OK);
        Url = $"http://127.0.0.1:{FreePort.Next()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>The base URL, ending in a slash.</summary>
    public string Url { get; }

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.Enqueue(new ReceivedRequest(context.Request.Url!.AbsolutePath, body.ToArray(), context.Request.Headers["Authorization"]));
            context.Response.StatusCode = (int)_status(_received.Count);
            context.Response.Close();
        }
    }
}

/// <summary>One request an <see cref="HttpReceiver"/> answered.</summary>
public sealed record ReceivedRequest(string Path, byte[] Body, string? Authorization)
{
    public string Text => Encoding.UTF8.GetString(Body);
}
