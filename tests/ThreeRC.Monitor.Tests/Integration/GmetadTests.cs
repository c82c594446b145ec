using System.Text;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Ganglia;
using ThreeRC.Monitor.Tests.Support;
using ThreeRC.Testing;
using ThreeRC.Testing.Ganglia;

namespace ThreeRC.Monitor.Tests.Integration;

/// <summary>A real gmetad (Debian's) aggregating the real gmond of the lab, as a data centre's redundant gmetads do.</summary>
public sealed class GmetadTests : IAsyncLifetime
{
    private Lab _lab = null!;
    private GmetadProcess _gmetad = null!;

    public async Task InitializeAsync()
    {
        _lab = await Lab.StartAsync();
        _gmetad = new GmetadProcess(_lab.Gmond.Source);
        await _gmetad.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await _gmetad.DisposeAsync();
        }
        finally
        {
            await _lab.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_gmetad_over_the_gmond_gives_the_same_hosts_and_load_in_its_nested_grid()
    {
        var gmetadXml = await Eventually.Until(() => _gmetad.ReadXmlAsync(), xml => Parse(xml) is var document
                && _lab.Hosts.Keys.All(document.Hosts.ContainsKey) && document.Hosts["alfa01"].Load.IsComplete,
            TimeSpan.FromSeconds(20), "every host, and all of alfa01's load, in gmetad's document");
        var gmondXml = await _lab.Gmond.ReadXmlAsync();

        var viaGmetad = Parse(gmetadXml);
        var viaGmond = Parse(gmondXml);

        Assert.Contains("<GRID NAME=\"labgrid\"", gmetadXml, StringComparison.Ordinal);
        Assert.Equal(viaGmond.Hosts.Keys.Order(), viaGmetad.Hosts.Keys.Order());
        Assert.Equal(viaGmond.Hosts["alfa01"].Load, viaGmetad.Hosts["alfa01"].Load);
        Assert.Equal(new GangliaLoad(0.42, 0.37, 16, 65843012, 41234560), viaGmetad.Hosts["alfa01"].Load);
    }

    [Fact]
    public async Task The_monitor_reading_gmetad_and_gmond_declares_a_silent_host_once()
    {
        await using var monitor = await _lab.StartMonitorAsync(_gmetad.Source, _lab.Gmond.Source);
        await monitor.Messages.WaitForAsync<HostLoadReported>(_ => true, TimeSpan.FromSeconds(20), "the first load report");

        await _lab.Hosts["gridce"].StopAsync();

        var (down, _) = await monitor.Messages.WaitForAsync<HostUnresponsive>(_ => true, TimeSpan.FromSeconds(20), "a host unresponsive");
        Assert.Equal((HostKind.Virtual, "gridce"), (down.Kind, down.Name));
        Assert.Contains(down.Source, new[] { _gmetad.Source, _lab.Gmond.Source });
        await _lab.Hosts["gridce"].StartAsync();
        await monitor.Messages.WaitForAsync<HostResponsive>(message => message.Name == "gridce", TimeSpan.FromSeconds(20), "gridce responsive");
        Assert.Single(monitor.Messages.Of<HostUnresponsive>());
        Assert.Empty(monitor.Messages.Of<MonitorSourceUnavailable>());
    }

    [Fact]
    public async Task The_monitor_reading_gmetad_alone_declares_a_silent_host_with_gmetad_as_its_source()
    {
        await using var monitor = await _lab.StartMonitorAsync(_gmetad.Source);
        await monitor.Messages.WaitForAsync<HostLoadReported>(_ => true, TimeSpan.FromSeconds(20), "the first load report");

        await _lab.Hosts["alfa02"].StopAsync();

        var (down, _) = await monitor.Messages.WaitForAsync<HostUnresponsive>(_ => true, TimeSpan.FromSeconds(20), "a host unresponsive");
        Assert.Equal(("alfa02", _gmetad.Source), (down.Name, down.Source));
    }

    private static GangliaDocument Parse(string xml) => GangliaXmlParser.Parse(new MemoryStream(Encoding.Latin1.GetBytes(xml)));
}
