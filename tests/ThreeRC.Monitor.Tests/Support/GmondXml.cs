using System.Globalization;
using System.Text;
using ThreeRC.Monitor.Ganglia;

namespace ThreeRC.Monitor.Tests.Support;

/// <summary>Documents in gmond's exact format (the XML declaration and inline DTD of a real capture) with the hosts a test needs.</summary>
internal static class GmondXml
{
    private static readonly string Prolog = PrologOf(Encoding.Latin1.GetString(Sample.Bytes("gmond-spoofed-hosts.xml")));

    public static string Document(params string[] hosts) => Prolog + Body(hosts);

    /// <summary>The document without its XML declaration and DTD.</summary>
    public static string Body(params string[] hosts) =>
        "<GANGLIA_XML VERSION=\"3.7.2\" SOURCE=\"gmond\">\n"
        + "<CLUSTER NAME=\"lab\" LOCALTIME=\"1795670704\" OWNER=\"threerc\" LATLONG=\"unspecified\" URL=\"unspecified\">\n"
        + string.Concat(hosts)
        + "</CLUSTER>\n</GANGLIA_XML>\n";

    public static string Host(string name, int tn, int tmax = 20, string metrics = "") =>
        $"<HOST NAME=\"{name}\" IP=\"10.99.0.1\" TAGS=\"\" REPORTED=\"1795670691\" TN=\"{tn}\" TMAX=\"{tmax}\" DMAX=\"0\" LOCATION=\"unspecified\" GMOND_STARTED=\"0\">\n{metrics}</HOST>\n";

    public static string Metric(string name, double value, string type = "float") =>
        $"<METRIC NAME=\"{name}\" VAL=\"{value.ToString(CultureInfo.InvariantCulture)}\" TYPE=\"{type}\" UNITS=\"\" TN=\"3\" TMAX=\"60\" DMAX=\"0\" SLOPE=\"both\">\n"
        + $"<EXTRA_DATA>\n<EXTRA_ELEMENT NAME=\"GROUP\" VAL=\"load\"/>\n</EXTRA_DATA>\n</METRIC>\n";

    /// <summary>load_one, load_five, cpu_num, mem_total and mem_free.</summary>
    public static string Load(double loadOne, double loadFive, int cpus, long memoryTotalKb, long memoryFreeKb) =>
        Metric("load_one", loadOne) + Metric("load_five", loadFive) + Metric("cpu_num", cpus, "uint16")
        + Metric("mem_total", memoryTotalKb) + Metric("mem_free", memoryFreeKb);

    public static byte[] Bytes(string xml) => Encoding.Latin1.GetBytes(xml);

    public static GangliaDocument Parse(string xml) => GangliaXmlParser.Parse(new MemoryStream(Bytes(xml)));

    private static string PrologOf(string document) => document[..document.IndexOf("<GANGLIA_XML", StringComparison.Ordinal)];
}
