using Xunit;

namespace ThreeRC.Testing.Ganglia;

/// <summary>
/// A private gmetad from Debian's gmetad package, always stopped: it polls one data source (a gmond or another
/// gmetad) every second and serves the nested GRID/CLUSTER/HOST document on its xml_port (8651 on a real one), and
/// paths such as /lab/alfa01 on its interactive_port. gmetad cannot bind to loopback only; it answers 127.0.0.1 alone.
/// </summary>
public sealed class GmetadProcess(string dataSource, string cluster = "lab", string grid = "labgrid") : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("gmetad");
    private ServiceProcess? _process;

    public int XmlPort { get; } = FreePort.Next();

    public int InteractivePort { get; } = FreePort.Next();

    /// <summary>This gmetad as a monitor source, host:port.</summary>
    public string Source => $"127.0.0.1:{XmlPort}";

    public async Task InitializeAsync()
    {
        var rrds = Directory.CreateDirectory(_directory.Combine("rrds")).FullName;
        var config = _directory.Write("gmetad.conf", $"""
            data_source "{cluster}" 1 {dataSource}
            gridname "{grid}"
            xml_port {XmlPort}
            interactive_port {InteractivePort}
            trusted_hosts 127.0.0.1
            setuid off
            rrd_rootdir "{rrds}"
            """);
        _process = ServiceProcess.Start("gmetad", ["--conf", config, "--debug", "1"]);
        await GangliaXml.WaitUntilServedAsync(XmlPort, _process, "gmetad", xml => xml.Contains($"<CLUSTER NAME=\"{cluster}\"", StringComparison.Ordinal));
    }

    public Task<string> ReadXmlAsync(string? request = null) =>
        request is null ? GangliaXml.ReadAsync(XmlPort) : GangliaXml.ReadAsync(InteractivePort, request);

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        _directory.Dispose();
    }
}
