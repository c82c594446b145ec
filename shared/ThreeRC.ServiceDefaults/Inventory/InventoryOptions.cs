namespace ThreeRC.ServiceDefaults.Inventory;

/// <summary>The <c>Inventory</c> configuration section.</summary>
public sealed class InventoryOptions
{
    public const string SectionName = "Inventory";

    /// <summary>The inventory YAML file.</summary>
    public string Path { get; set; } = "inventory.yaml";
}
