namespace ThreeRC.Persistence;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The folder holding each service's SQLite file; created when missing.</summary>
    public string DataDirectory { get; set; } = "data";
}
