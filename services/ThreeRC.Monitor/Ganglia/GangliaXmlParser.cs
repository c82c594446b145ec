using System.Xml;

namespace ThreeRC.Monitor.Ganglia;

/// <summary>
/// Parses gmond's CLUSTER/HOST/METRIC documents and gmetad's nested GRID/CLUSTER/HOST ones in one forward pass of
/// an <see cref="XmlReader"/>, keeping only what the monitor needs. The encoding is the one the XML declaration
/// names (ISO-8859-1 for gmond and gmetad). The inline DTD is skipped, never processed: no entity is declared, so
/// none is ever expanded, and any entity reference is an error whatever the DOCTYPE says.
/// </summary>
internal static class GangliaXmlParser
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    public static GangliaDocument Parse(Stream document)
    {
        using var reader = XmlReader.Create(document, Settings);
        try
        {
            return new GangliaXmlWalk(reader).Read();
        }
        catch (XmlException e)
        {
            throw new GangliaFormatException($"not well-formed XML: {e.Message}", e);
        }
    }
}
