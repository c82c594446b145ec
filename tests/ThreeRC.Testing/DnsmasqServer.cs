using Xunit;

namespace ThreeRC.Testing;

/// <summary>
/// A private dnsmasq from Debian's dnsmasq-base serving a TFTP root, DNS off unless asked for, always stopped.
/// dnsmasq's TFTP port is fixed at 69, so each instance listens on a loopback address of its own
/// (127.0.0.0/8 is all loopback on Linux) and test projects running at once do not collide. Port 69 needs root.
/// </summary>
public sealed class DnsmasqServer : IAsyncLifetime, IAsyncDisposable
{
    private const int Attempts = 5;
    private readonly TempDirectory _directory = new("dnsmasq");
    private readonly int _dnsPort;
    private readonly string _confFile;
    private ServiceProcess? _process;

    /// <summary>A TFTP server only.</summary>
    public DnsmasqServer()
        : this(dnsPort: 0, confFile: "/dev/null")
    {
    }

    /// <summary>A TFTP server that also answers DNS on <paramref name="dnsPort"/> from <paramref name="confFile"/>.</summary>
    public DnsmasqServer(int dnsPort, string confFile)
    {
        _dnsPort = dnsPort;
        _confFile = confFile;
        Directory.CreateDirectory(TftpRoot);
    }

    /// <summary>The folder served over TFTP.</summary>
    public string TftpRoot => _directory.Combine("tftp");

    /// <summary>The loopback address dnsmasq listens on.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Everything dnsmasq logged so far.</summary>
    public string Log => _process?.Output ?? "";

    public async Task InitializeAsync()
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            Address = RandomLoopbackAddress();
            _process = ServiceProcess.Start("dnsmasq", Arguments());
            if (await StartedAsync(_process)) return;
            await _process.DisposeAsync();
            var log = _process.Output;
            _process = null;
            if (attempt == Attempts) throw new InvalidOperationException($"dnsmasq did not start on {Address}: {log}");
        }
    }

    /// <summary>The file at <paramref name="relativePath"/> fetched with <c>curl tftp://</c>; a non-zero exit code when it is not served.</summary>
    public Task<CommandResult> FetchAsync(string relativePath) =>
        Command.RunAsync("curl", ["-s", "--max-time", "10", $"tftp://{Address}/{relativePath}"], TimeSpan.FromSeconds(20));

    /// <summary>Runs <c>dnsmasq --test</c> on a configuration file: exit code 0 when dnsmasq accepts it.</summary>
    public static Task<CommandResult> CheckConfigurationAsync(string confFile) =>
        Command.RunAsync("dnsmasq", ["--test", $"--conf-file={confFile}"], TimeSpan.FromSeconds(20));

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        _directory.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private IEnumerable<string> Arguments() =>
    [
        "--keep-in-foreground", $"--conf-file={_confFile}", $"--port={_dnsPort}", "--log-facility=-",
        "--bind-interfaces", $"--listen-address={Address}",
        "--enable-tftp", $"--tftp-root={TftpRoot}", $"--user={Environment.UserName}",
        $"--pid-file={_directory.Combine("dnsmasq.pid")}",
    ];

    private static async Task<bool> StartedAsync(ServiceProcess process)
    {
        await Eventually.Until(
            () => process.HasExited || process.Output.Contains("TFTP root is", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20),
            "serving TFTP, or exited");
        return !process.HasExited;
    }

    private static string RandomLoopbackAddress() =>
        $"127.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(2, 255)}";
}
