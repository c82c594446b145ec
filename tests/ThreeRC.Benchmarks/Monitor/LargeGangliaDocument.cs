using System.Text;
using System.Text.RegularExpressions;
using ThreeRC.Testing;

namespace ThreeRC.Benchmarks.Monitor;

/// <summary>
/// A gmetad document the size of a big site's: the real gmond capture's prolog (its inline DTD) and its metrics,
/// repeated for every host of ten clusters in one GRID.
/// </summary>
public sealed partial class LargeGangliaDocument(int hosts, int metricsPerHost)
{
    private static readonly string[] LoadMetrics = ["load_one", "load_five", "cpu_num", "mem_total", "mem_free"];

    public byte[] Bytes { get; } = Generate(hosts, metricsPerHost);

    public override string ToString() => $"{hosts}x{metricsPerHost} {Bytes.Length / 1e6:0.00} MB";

    private static byte[] Generate(int hosts, int metricsPerHost)
    {
        var sample = Encoding.Latin1.GetString(File.ReadAllBytes(RepositoryRoot.Combine("tests", "ThreeRC.Monitor.Tests", "Samples", "gmond-real-host.xml")));
        var metrics = Metric().Matches(sample)
            .OrderByDescending(metric => LoadMetrics.Any(name => metric.Value.StartsWith($"<METRIC NAME=\"{name}\"", StringComparison.Ordinal)))
            .Take(metricsPerHost)
            .Select(metric => metric.Value)
            .ToList();
        if (metrics.Count < metricsPerHost) throw new InvalidOperationException($"the sample has {metrics.Count} metrics, not {metricsPerHost}");

        var document = new StringBuilder(sample[..sample.IndexOf("<GANGLIA_XML", StringComparison.Ordinal)]);
        document.Append("<GANGLIA_XML VERSION=\"3.7.2\" SOURCE=\"gmetad\">\n<GRID NAME=\"site\" AUTHORITY=\"http://gmetad.example.org/ganglia/\" LOCALTIME=\"1795670705\">\n");
        for (var host = 0; host < hosts; host++)
        {
            if (host % 100 == 0)
            {
                if (host > 0) document.Append("</CLUSTER>\n");
                document.Append($"<CLUSTER NAME=\"rack{host / 100:00}\" LOCALTIME=\"1795670705\" OWNER=\"threerc\" LATLONG=\"unspecified\" URL=\"unspecified\">\n");
            }

            document.Append($"<HOST NAME=\"node{host:0000}.example.org\" IP=\"10.1.{host / 250}.{host % 250 + 1}\" REPORTED=\"1795670700\" TN=\"{host % 20}\" TMAX=\"20\" DMAX=\"86400\" LOCATION=\"unspecified\" GMOND_STARTED=\"1795600000\" TAGS=\"\">\n");
            foreach (var metric in metrics) document.Append(metric);
            document.Append("</HOST>\n");
        }

        document.Append("</CLUSTER>\n</GRID>\n</GANGLIA_XML>\n");
        return Encoding.Latin1.GetBytes(document.ToString());
    }

    [GeneratedRegex("<METRIC .*?</METRIC>\n", RegexOptions.Singleline)]
    private static partial Regex Metric();
}
