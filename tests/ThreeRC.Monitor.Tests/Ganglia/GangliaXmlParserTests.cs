using System.Text;
using ThreeRC.Monitor.Ganglia;
using ThreeRC.Monitor.Tests.Support;

namespace ThreeRC.Monitor.Tests.Ganglia;

public class GangliaXmlParserTests
{
    private static readonly GangliaLoad SpoofedLoad = new(0.42, 0.37, 16, 65843012, 41234560);

    [Fact]
    public void A_real_gmond_document_with_its_inline_DTD_parses_to_its_hosts()
    {
        var document = Sample.Parse("gmond-spoofed-hosts.xml");

        Assert.Equal(["alfa01", "alfa02", "gridce"], document.Hosts.Keys.Order());
        Assert.Equal(new GangliaHost("alfa01", 13, 20, SpoofedLoad), document.Hosts["alfa01"]);
        Assert.Equal(new GangliaHost("gridce", 473, 20, GangliaLoad.None), document.Hosts["gridce"]);
        Assert.Empty(document.Summaries);
    }

    [Fact]
    public void A_real_host_with_every_metric_of_gmond_s_default_modules_parses()
    {
        var host = Assert.Single(Sample.Parse("gmond-real-host.xml").Hosts.Values);

        Assert.Equal(new GangliaHost("localhost", 2, 20, new GangliaLoad(17.01, 7.06, 2, 24683656, 22634944)), host);
    }

    [Theory]
    [InlineData("gmetad-two-clusters.xml")]
    [InlineData("gmetad-scalable-off.xml")]
    public void A_gmetad_document_of_nested_grids_and_clusters_parses_to_the_same_hosts_as_gmond(string sample)
    {
        var gmond = Sample.Parse("gmond-spoofed-hosts.xml");

        var gmetad = Sample.Parse(sample);

        Assert.Equal(["alfa01", "alfa02", "edge01", "gridce"], gmetad.Hosts.Keys.Order());
        foreach (var (name, host) in gmond.Hosts)
            Assert.Equal((host.Tmax, host.Load), (gmetad.Hosts[name].Tmax, gmetad.Hosts[name].Load));
        Assert.Equal(SpoofedLoad, gmetad.Hosts["edge01"].Load);
        Assert.True(gmetad.Hosts["gridce"].SecondsSinceHeard > 4 * 20);
    }

    [Fact]
    public void A_grid_a_scalable_gmetad_only_summarizes_has_its_summary_and_no_hosts()
    {
        var document = Sample.Parse("gmetad-nested-grid-summary.xml");

        Assert.Empty(document.Hosts);
        Assert.Equal([new GangliaSummary("top/labgrid", 3, 1)], document.Summaries);
    }

    [Fact]
    public void Gmetad_s_summary_filter_gives_one_summary_per_grid_and_cluster()
    {
        var document = Sample.Parse("gmetad-filter-summary.xml");

        Assert.Empty(document.Hosts);
        Assert.Equal([new("labgrid", 3, 1), new("labgrid/lab", 2, 1), new GangliaSummary("labgrid/edge", 1, 0)], document.Summaries);
    }

    [Fact]
    public void Gmetad_s_answer_for_one_host_parses()
    {
        var host = Assert.Single(Sample.Parse("gmetad-interactive-host.xml").Hosts.Values);

        Assert.Equal(new GangliaHost("alfa01", 16, 20, SpoofedLoad), host);
    }

    [Fact]
    public void The_document_is_decoded_as_the_ISO_8859_1_its_declaration_names()
    {
        var xml = GmondXml.Document(GmondXml.Host("caf\u00e9", 3));

        var document = GangliaXmlParser.Parse(new MemoryStream(Encoding.Latin1.GetBytes(xml)));

        Assert.Equal("caf\u00e9", Assert.Single(document.Hosts.Keys));
    }

    [Fact]
    public void A_host_listed_twice_keeps_its_freshest_report()
    {
        var document = GmondXml.Parse(GmondXml.Document(GmondXml.Host("alfa01", 40), GmondXml.Host("ALFA01", 4), GmondXml.Host("alfa01", 9)));

        Assert.Equal(4, Assert.Single(document.Hosts.Values).SecondsSinceHeard);
    }

    [Fact]
    public void A_metric_value_that_is_not_a_number_is_left_out_of_the_load()
    {
        var document = GmondXml.Parse(GmondXml.Document(GmondXml.Host("alfa01", 3,
            metrics: GmondXml.Metric("load_one", 1.5).Replace("1.5", "high", StringComparison.Ordinal) + GmondXml.Metric("load_five", 0.5))));

        Assert.Equal(new GangliaLoad(null, 0.5, null, null, null), document.Hosts["alfa01"].Load);
    }

    public static TheoryData<string, string, string> BrokenDocuments => new()
    {
        { "truncated", Truncated(), "Unexpected end of file" },
        { "wrong root", "<?xml version=\"1.0\"?>\n<html><body>Ganglia</body></html>", "line 2, position 2: the document starts with <html>, not <GANGLIA_XML>" },
        { "host without NAME", GmondXml.Document(GmondXml.Host("alfa01", 3).Replace("NAME=\"alfa01\" ", "", StringComparison.Ordinal)), "a <HOST> has no NAME" },
        { "host without TN", GmondXml.Document(GmondXml.Host("alfa01", 3).Replace("TN=\"3\" ", "", StringComparison.Ordinal)), "<HOST NAME=\"alfa01\"> has no TN" },
        { "host without TMAX", GmondXml.Document(GmondXml.Host("alfa01", 3).Replace("TMAX=\"20\" ", "", StringComparison.Ordinal)), "<HOST NAME=\"alfa01\"> has no TMAX" },
        { "non-numeric TN", GmondXml.Document(GmondXml.Host("alfa01", 3).Replace("TN=\"3\"", "TN=\"soon\"", StringComparison.Ordinal)), "<HOST NAME=\"alfa01\"> has TN=\"soon\", not a whole number of at least 0" },
        { "negative TN", GmondXml.Document(GmondXml.Host("alfa01", 3).Replace("TN=\"3\"", "TN=\"-3\"", StringComparison.Ordinal)), "has TN=\"-3\"" },
        { "zero TMAX", GmondXml.Document(GmondXml.Host("alfa01", 3, tmax: 0)), "has TMAX=\"0\", not a whole number of at least 1" },
        { "billion laughs", HostileXml.BillionLaughs(GmondXml.Body(GmondXml.Host("&lol9;", 1))), "Reference to undeclared entity 'lol9'" },
        { "external entity", HostileXml.ExternalEntity(), "Reference to undeclared entity 'secret'" },
        { "garbage bytes", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000", "not well-formed XML" },
        { "empty", "", "Root element is missing" },
        { "two roots", GmondXml.Document() + "<GANGLIA_XML/>", "multiple root elements" },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void A_broken_document_is_refused_with_what_is_wrong_and_where(string what, string xml, string expected)
    {
        var error = Assert.Throws<GangliaFormatException>(() => GangliaXmlParser.Parse(new MemoryStream(Encoding.Latin1.GetBytes(xml))));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {error.Message}");
        if (what != "empty") Assert.Matches("[Ll]ine [0-9]+, position [0-9]+", error.Message);
    }

    private static string Truncated()
    {
        var whole = Encoding.Latin1.GetString(Sample.Bytes("gmond-spoofed-hosts.xml"));
        return whole[..whole.IndexOf("<HOST NAME=\"gridce\"", StringComparison.Ordinal)];
    }
}
