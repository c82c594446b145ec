using ThreeRC.Inventory.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ThreeRC.Inventory.Loading;

/// <summary>Reads and validates an inventory file.</summary>
public static class InventoryLoader
{
    /// <summary>Loads the inventory at <paramref name="path"/>.</summary>
    /// <exception cref="InventoryException">The file is missing, is not YAML, or has invalid fields; every error is listed.</exception>
    public static ClusterInventory Load(string path)
    {
        if (!File.Exists(path))
            throw new InventoryException([new InventoryError(path, 0, "inventory", "the file does not exist")]);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses inventory YAML; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="InventoryException">The text is not YAML or has invalid fields; every error is listed.</exception>
    public static ClusterInventory Parse(string yaml, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new InventoryException([new InventoryError(fileName, (int)e.Start.Line, "yaml", e.InnerException?.Message ?? e.Message)]);
        }

        var fields = new YamlFieldReader(fileName);
        var root = stream.Documents.Count == 1 ? fields.AsMapping(stream.Documents[0].RootNode, "inventory") : null;
        if (stream.Documents.Count != 1)
            fields.Error(new YamlScalarNode(), "inventory", "expected exactly one YAML document");

        var inventory = root is null ? null : new InventoryReader(fields, fileName).Read(root);
        if (fields.Errors.Count > 0 || inventory is null) throw new InventoryException(fields.Errors);
        return inventory;
    }
}
