using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ThreeRC.Inventory.Loading;

/// <summary>
/// Reads typed fields out of a YAML mapping and records every problem with its file, line and field path
/// instead of stopping at the first.
/// </summary>
internal sealed class YamlFieldReader(string file)
{
    private readonly List<InventoryError> _errors = [];

    public IReadOnlyList<InventoryError> Errors => _errors;

    public void Error(YamlNode node, string field, string message) =>
        _errors.Add(new InventoryError(file, (int)node.Start.Line, field, message));

    public YamlMappingNode? AsMapping(YamlNode node, string field)
    {
        if (node is YamlMappingNode mapping) return mapping;
        Error(node, field, "expected a mapping of fields");
        return null;
    }

    /// <summary>Reports every key of <paramref name="map"/> that is not one of <paramref name="allowed"/>.</summary>
    public void RejectUnknownKeys(YamlMappingNode map, string path, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(name, StringComparer.Ordinal))
                Error(key, Join(path, name), $"unknown field (expected one of: {string.Join(", ", allowed)})");
        }
    }

    public YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && !IsNull(node) ? node : null;

    public IEnumerable<(YamlMappingNode Item, string Path)> Items(YamlMappingNode map, string path, string key)
    {
        var node = Child(map, key);
        if (node is null) yield break;
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, Join(path, key), "expected a list");
            yield break;
        }

        var index = 0;
        foreach (var child in sequence.Children)
        {
            var itemPath = $"{Join(path, key)}[{ItemLabel(child, index++)}]";
            if (AsMapping(child, itemPath) is { } item) yield return (item, itemPath);
        }
    }

    public string? String(YamlMappingNode map, string path, string key, Regex? pattern = null, string? expected = null, bool required = false)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required) Error(map, Join(path, key), "missing (required)");
            return null;
        }

        if (node is not YamlScalarNode { Value: { } value })
        {
            Error(node, Join(path, key), "expected a single value");
            return null;
        }

        if (pattern is not null && !pattern.IsMatch(value))
        {
            Error(node, Join(path, key), $"'{value}' is not {expected}");
            return null;
        }

        return value;
    }

    public int? Int(YamlMappingNode map, string path, string key, int min, int max, bool required = false) =>
        Parse<int>(map, path, key, required, $"an integer between {min} and {max}", text =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null);

    public double? Double(YamlMappingNode map, string path, string key, double min, bool required = false) =>
        Parse<double>(map, path, key, required, $"a number of at least {min.ToString(CultureInfo.InvariantCulture)}", text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) && n >= min ? n : null);

    public bool? Bool(YamlMappingNode map, string path, string key) =>
        Parse<bool>(map, path, key, false, "true or false", text => text switch
        {
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => null,
        });

    public TimeSpan? Duration(YamlMappingNode map, string path, string key, bool required = false) =>
        Parse<TimeSpan>(map, path, key, required, "a positive duration such as 90s, 3m, 1h or 500ms", text =>
            DurationText.TryParse(text, out var span) && span > TimeSpan.Zero ? span : null);

    private T? Parse<T>(YamlMappingNode map, string path, string key, bool required, string expected, Func<string, T?> parse)
        where T : struct
    {
        var text = String(map, path, key, required: required);
        if (text is null) return null;
        var value = parse(text);
        if (value is null) Error(Child(map, key)!, Join(path, key), $"expected {expected}, got '{text}'");
        return value;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null", Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) };

    private static string ItemLabel(YamlNode item, int index) =>
        item is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("name"), out var name)
            && name is YamlScalarNode { Value: { Length: > 0 } label } && InventoryPatterns.Name().IsMatch(label)
            ? label
            : index.ToString(CultureInfo.InvariantCulture);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
