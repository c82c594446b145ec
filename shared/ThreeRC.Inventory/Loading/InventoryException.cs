namespace ThreeRC.Inventory.Loading;

/// <summary>The inventory file is invalid. The message lists every error, one per line, as FILE:LINE: field: what is wrong.</summary>
public sealed class InventoryException(IReadOnlyList<InventoryError> errors)
    : Exception("The inventory is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    /// <summary>Every error found.</summary>
    public IReadOnlyList<InventoryError> Errors { get; } = errors;
}
