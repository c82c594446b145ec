using ThreeRC.Monitor.Ganglia;

namespace ThreeRC.Monitor.Tests.Support;

/// <summary>The real Ganglia documents under Samples/.</summary>
internal static class Sample
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    public static GangliaDocument Parse(string name) => GangliaXmlParser.Parse(new MemoryStream(Bytes(name)));
}
