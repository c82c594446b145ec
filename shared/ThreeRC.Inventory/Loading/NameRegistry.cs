using YamlDotNet.RepresentationModel;

namespace ThreeRC.Inventory.Loading;

/// <summary>Finds values that must be unique across the inventory, remembering where each was first seen.</summary>
internal sealed class NameRegistry(YamlFieldReader fields, string what)
{
    private readonly Dictionary<string, long> _firstLine = new(StringComparer.OrdinalIgnoreCase);

    public bool Contains(string value) => _firstLine.ContainsKey(value);

    public void Add(string? value, YamlMappingNode map, string key, string path)
    {
        if (value is null) return;
        var node = fields.Child(map, key) ?? map;
        if (_firstLine.TryGetValue(value, out var line))
            fields.Error(node, $"{path}.{key}", $"duplicate {what} '{value}' (first on line {line})");
        else
            _firstLine[value] = node.Start.Line;
    }
}
