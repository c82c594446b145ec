using System.Text;

namespace ThreeRC.Monitor.Tests.Support;

/// <summary>Documents built to hurt an XML parser.</summary>
internal static class HostileXml
{
    /// <summary>
    /// The "billion laughs": a DOCTYPE whose nested entities would expand lol9 to 10^9 copies of "lol", then
    /// <paramref name="body"/>, which is expected to refer to <c>&amp;lol9;</c>.
    /// </summary>
    public static string BillionLaughs(string body)
    {
        var entities = new StringBuilder(" <!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i <= 9; i++) entities.Append($" <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        return $"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE GANGLIA_XML [\n{entities}]>\n{body}";
    }

    /// <summary>A DOCTYPE declaring an external entity that points at /etc/passwd, used in a host's content.</summary>
    public static string ExternalEntity() =>
        "<?xml version=\"1.0\"?>\n<!DOCTYPE GANGLIA_XML [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n"
        + "<GANGLIA_XML><CLUSTER NAME=\"lab\"><HOST NAME=\"alfa01\" TN=\"1\" TMAX=\"20\">&secret;</HOST></CLUSTER></GANGLIA_XML>";
}
