namespace ThreeRC.Inventory.Loading;

/// <summary>One thing wrong with an inventory file.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">The 1-based line of the offending value (or of its parent when it is missing).</param>
/// <param name="Field">The field, as a path such as <c>vms[gridce].mac</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record InventoryError(string File, int Line, string Field, string Message)
{
    /// <summary>FILE:LINE: field: what is wrong.</summary>
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
