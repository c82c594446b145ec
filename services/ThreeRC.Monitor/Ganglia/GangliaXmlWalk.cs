using System.Globalization;
using System.Xml;

namespace ThreeRC.Monitor.Ganglia;

/// <summary>One forward pass over one Ganglia document. Element names are compared by reference, as the reader atomizes them.</summary>
internal sealed class GangliaXmlWalk
{
    private readonly XmlReader _reader;
    private readonly Dictionary<string, GangliaHost> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<GangliaSummary> _summaries = [];
    private readonly List<string> _groups = [];
    private readonly string _rootElement;
    private readonly string _gridElement;
    private readonly string _clusterElement;
    private readonly string _hostElement;
    private readonly string _hostsElement;
    private readonly string _metricElement;

    public GangliaXmlWalk(XmlReader reader)
    {
        _reader = reader;
        var names = reader.NameTable;
        _rootElement = names.Add("GANGLIA_XML");
        _gridElement = names.Add("GRID");
        _clusterElement = names.Add("CLUSTER");
        _hostElement = names.Add("HOST");
        _hostsElement = names.Add("HOSTS");
        _metricElement = names.Add("METRIC");
    }

    public GangliaDocument Read()
    {
        _reader.MoveToContent();
        if (_reader.NodeType != XmlNodeType.Element || !ReferenceEquals(_reader.LocalName, _rootElement))
            throw Error($"the document starts with <{_reader.Name}>, not <GANGLIA_XML>: this is not Ganglia XML");
        _reader.Read();
        while (!_reader.EOF) ReadNode();
        return new GangliaDocument(_hosts, _summaries);
    }

    private void ReadNode()
    {
        if (_reader.NodeType == XmlNodeType.EndElement)
        {
            if (IsGroup(_reader.LocalName)) _groups.RemoveAt(_groups.Count - 1);
            _reader.Read();
        }
        else if (_reader.NodeType != XmlNodeType.Element)
        {
            _reader.Read();
        }
        else if (IsGroup(_reader.LocalName))
        {
            if (!_reader.IsEmptyElement) _groups.Add(_reader.GetAttribute("NAME") ?? "");
            _reader.Read();
        }
        else if (ReferenceEquals(_reader.LocalName, _hostElement))
        {
            ReadHost();
        }
        else
        {
            if (ReferenceEquals(_reader.LocalName, _hostsElement)) ReadSummary();
            _reader.Skip();
        }
    }

    private bool IsGroup(string element) => ReferenceEquals(element, _gridElement) || ReferenceEquals(element, _clusterElement);

    private void ReadHost()
    {
        var name = _reader.GetAttribute("NAME");
        if (string.IsNullOrEmpty(name)) throw Error("a <HOST> has no NAME");
        var secondsSinceHeard = WholeNumber("TN", minimum: 0, name);
        var tmax = WholeNumber("TMAX", minimum: 1, name);
        var load = ReadMetrics();
        if (!_hosts.TryGetValue(name, out var listed) || listed.SecondsSinceHeard > secondsSinceHeard)
            _hosts[name] = new GangliaHost(name, secondsSinceHeard, tmax, load);
    }

    /// <summary>Reads the HOST's METRIC children and moves past the HOST's end.</summary>
    private GangliaLoad ReadMetrics()
    {
        var load = new LoadReading();
        if (!_reader.IsEmptyElement)
        {
            var depth = _reader.Depth;
            _reader.Read();
            while (_reader.Depth > depth)
            {
                if (_reader.NodeType == XmlNodeType.Element && ReferenceEquals(_reader.LocalName, _metricElement))
                    load.Add(_reader.GetAttribute("NAME"), _reader);
                _reader.Skip();
            }
        }

        _reader.Read();
        return load.ToLoad();
    }

    private void ReadSummary() =>
        _summaries.Add(new GangliaSummary(string.Join('/', _groups), WholeNumber("UP", minimum: 0), WholeNumber("DOWN", minimum: 0)));

    /// <summary>A whole-number attribute of the current HOST (named <paramref name="host"/>) or HOSTS summary.</summary>
    private int WholeNumber(string attribute, int minimum, string? host = null)
    {
        var text = _reader.GetAttribute(attribute);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum) return value;
        var element = host is null ? $"<HOSTS> of '{string.Join('/', _groups)}'" : $"<HOST NAME=\"{host}\">";
        throw Error(text is null
            ? $"{element} has no {attribute}"
            : $"{element} has {attribute}=\"{text}\", not a whole number of at least {minimum}");
    }

    private GangliaFormatException Error(string message) =>
        _reader is IXmlLineInfo { } position && position.HasLineInfo()
            ? new GangliaFormatException($"line {position.LineNumber}, position {position.LinePosition}: {message}")
            : new GangliaFormatException(message);
}
