using System.Globalization;
using System.Text;
using System.Xml;
using ThreeRC.Lab.Simulation;

namespace ThreeRC.Lab.Ganglia;

/// <summary>Writes the simulated data centre as gmond does on its tcp_accept_channel: ISO-8859-1, inline DTD, CLUSTER/HOST/METRIC.</summary>
internal static class GmondXml
{
    private const int HostTmax = 20;

    public static byte[] Render(IReadOnlyCollection<SimulatedHost> hosts, IReadOnlyCollection<SimulatedVm> vms, DateTimeOffset now)
    {
        var encoding = Encoding.Latin1;
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = encoding, Indent = false, OmitXmlDeclaration = true }))
        {
            xml.WriteRaw("<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"yes\"?>\n");
            xml.WriteRaw(GangliaDtd.Text);
            xml.WriteStartElement("GANGLIA_XML");
            xml.WriteAttributeString("VERSION", "3.7.2");
            xml.WriteAttributeString("SOURCE", "gmond");
            xml.WriteStartElement("CLUSTER");
            Attributes(xml, ("NAME", "lab"), ("LOCALTIME", Unix(now)), ("OWNER", "threerc"), ("LATLONG", "unspecified"), ("URL", "unspecified"));
            foreach (var host in hosts)
            {
                var running = vms.Where(vm => vm.RunningOn == host.Name && vm.Guest != GuestCondition.Off).ToList();
                Host(xml, host.Name, host.Ip, host.Heartbeat.LastHeard(now), now, w =>
                {
                    Metric(w, "load_one", 0.2 + 0.6 * running.Count, "float", " ");
                    Metric(w, "load_five", 0.2 + 0.5 * running.Count, "float", " ");
                    Metric(w, "cpu_num", host.Cpus, "uint16", "CPUs");
                    Metric(w, "mem_total", host.MemoryKb, "float", "KB");
                    Metric(w, "mem_free", Math.Max(0, host.MemoryKb - running.Sum(vm => vm.MemoryKb)), "float", "KB");
                });
            }

            foreach (var vm in vms)
                Host(xml, vm.Name, vm.Ip, vm.Heartbeat.LastHeard(now), now, w => Metric(w, "load_one", 0.3, "float", " "));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void Host(XmlWriter xml, string name, string ip, DateTimeOffset lastHeard, DateTimeOffset now, Action<XmlWriter> metrics)
    {
        xml.WriteStartElement("HOST");
        var tn = (long)Math.Max(0, (now - lastHeard).TotalSeconds);
        Attributes(xml, ("NAME", name), ("IP", ip), ("TAGS", ""), ("REPORTED", Unix(lastHeard)), ("TN", tn.ToString(CultureInfo.InvariantCulture)),
            ("TMAX", HostTmax.ToString(CultureInfo.InvariantCulture)), ("DMAX", "0"), ("LOCATION", "lab"), ("GMOND_STARTED", Unix(lastHeard)));
        metrics(xml);
        xml.WriteEndElement();
    }

    private static void Metric(XmlWriter xml, string name, double value, string type, string units)
    {
        xml.WriteStartElement("METRIC");
        Attributes(xml, ("NAME", name), ("VAL", value.ToString(type == "float" ? "0.00" : "0", CultureInfo.InvariantCulture)), ("TYPE", type),
            ("UNITS", units), ("TN", "0"), ("TMAX", "90"), ("DMAX", "0"), ("SLOPE", "both"));
        xml.WriteStartElement("EXTRA_DATA");
        xml.WriteStartElement("EXTRA_ELEMENT");
        Attributes(xml, ("NAME", "GROUP"), ("VAL", name.StartsWith("mem", StringComparison.Ordinal) ? "memory" : name == "cpu_num" ? "cpu" : "load"));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Attributes(XmlWriter xml, params (string Name, string Value)[] attributes)
    {
        foreach (var (name, value) in attributes) xml.WriteAttributeString(name, value);
    }

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
