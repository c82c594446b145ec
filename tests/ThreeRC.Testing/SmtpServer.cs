using System.Net.Sockets;
using Xunit;

namespace ThreeRC.Testing;

/// <summary>
/// A private SMTP server on loopback: Debian's python3-aiosmtpd, storing every message it accepts in a Maildir, always
/// stopped. Debian's own python3 runs it (a python3 earlier on the PATH may not have the package).
/// </summary>
public sealed class SmtpServer : IAsyncLifetime, IAsyncDisposable
{
    private readonly TempDirectory _directory = new("smtp");
    private ServiceProcess? _process;

    public int Port { get; } = FreePort.Next();

    public string Host => "127.0.0.1";

    private string Maildir => _directory.Combine("maildir");

    public async Task InitializeAsync()
    {
        _process = ServiceProcess.Start("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir]);
        await Eventually.Until(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"aiosmtpd exited: {_process.Output}");
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(Host, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), $"aiosmtpd listening on {Host}:{Port}");
    }

    /// <summary>Every message accepted so far, headers and body as received.</summary>
    public IReadOnlyList<string> Messages() =>
        Directory.Exists(Maildir)
            ? Directory.EnumerateFiles(Maildir, "*", SearchOption.AllDirectories).Order().Select(File.ReadAllText).ToList()
            : [];

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        _directory.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
