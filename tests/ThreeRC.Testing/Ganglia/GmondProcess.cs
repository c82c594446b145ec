using Xunit;

namespace ThreeRC.Testing.Ganglia;

/// <summary>
/// A private gmond from Debian's ganglia-monitor on loopback, always stopped: it hears gmetric packets on a UDP
/// port of its own and serves its XML on a TCP port of its own (as gmond's tcp_accept_channel does on 8649). It is
/// muted, so the only hosts it knows are the <see cref="SpoofedHost"/>s; its host TMAX is gmond's 20 s.
/// Killed and started again, it keeps its ports and, like a real gmond, forgets every host until it hears from it.
/// With <c>alsoSendTo</c>, its configuration has a second udp_send_channel, to a monitor's push port: every gmetric
/// reading it sends each packet there too, as a site's gmonds would.
/// </summary>
public sealed class GmondProcess : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("gmond");
    private readonly List<SpoofedHost> _hosts = [];
    private ServiceProcess? _process;

    public GmondProcess(string cluster = "lab", int? alsoSendTo = null)
    {
        Cluster = cluster;
        AlsoSendTo = alsoSendTo;
        UdpPort = FreePort.NextUdp();
        XmlPort = FreePort.Next();
        ConfigFile = _directory.Write("gmond.conf", Configuration());
    }

    public string Cluster { get; }

    /// <summary>The UDP port on loopback every packet is also sent to; null when none.</summary>
    public int? AlsoSendTo { get; }

    public int UdpPort { get; }

    public int XmlPort { get; }

    /// <summary>gmond's configuration file; gmetric reads its send channel from it.</summary>
    public string ConfigFile { get; }

    /// <summary>This gmond as a monitor source, host:port.</summary>
    public string Source => $"127.0.0.1:{XmlPort}";

    public bool IsRunning => _process is { HasExited: false };

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync()
    {
        if (IsRunning) return;
        _process = ServiceProcess.Start("gmond", ["--conf", ConfigFile, "--foreground"]);
        await GangliaXml.WaitUntilServedAsync(XmlPort, _process, "gmond");
    }

    /// <summary>kill -9: gmond is gone at once, as after a crash, and its port refuses connections.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        _process.Kill();
        await _process.DisposeAsync();
        _process = null;
    }

    public Task<string> ReadXmlAsync() => GangliaXml.ReadAsync(XmlPort);

    /// <summary>The udp_send_channel blocks of a gmetric that reports to this gmond on loopback, and to <see cref="AlsoSendTo"/> when set.</summary>
    public string SendChannels() =>
        string.Concat(new[] { UdpPort, AlsoSendTo }.OfType<int>().Select(port => $"udp_send_channel {{\n  host = 127.0.0.1\n  port = {port}\n}}\n"));

    /// <summary>A new emulated host with an address of its own (10.99.x.y), reporting to this gmond from now on.</summary>
    public async Task<SpoofedHost> SpoofAsync(string name, SpoofedLoad? load = null, TimeSpan? interval = null)
    {
        SpoofedHost host;
        lock (_hosts)
        {
            host = new SpoofedHost(ConfigFile, $"10.99.{_hosts.Count / 250}.{_hosts.Count % 250 + 1}", name, load, interval ?? TimeSpan.FromSeconds(1));
            _hosts.Add(host);
        }

        await host.StartAsync();
        return host;
    }

    /// <summary>Stops every emulated host and gmond, whatever fails on the way; then reports what failed.</summary>
    public Task DisposeAsync() => Teardown.RunAsync("the emulated hosts and gmond",
    [
        .. _hosts.Select(host => (Func<ValueTask>)host.DisposeAsync),
        async () => await KillAsync(),
        () =>
        {
            _directory.Dispose();
            return ValueTask.CompletedTask;
        },
    ]);

    private string Configuration() => $$"""
        globals {
          daemonize = no
          setuid = no
          debug_level = 0
          mute = yes
          deaf = no
          allow_extra_data = yes
          host_dmax = 0
          host_tmax = 20
          cleanup_threshold = 300
          gexec = no
          send_metadata_interval = 0
        }
        cluster {
          name = "{{Cluster}}"
          owner = "threerc"
        }
        {{SendChannels()}}
        udp_recv_channel {
          bind = 127.0.0.1
          port = {{UdpPort}}
        }
        tcp_accept_channel {
          bind = 127.0.0.1
          port = {{XmlPort}}
        }
        """;
}
