namespace ThreeRC.Persistence;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// <see cref="StorageProvider.Sqlite"/>: one file per service under <see cref="DataDirectory"/> (the embedded default);
    /// <see cref="StorageProvider.PostgreSql"/>: one schema per service in the database of <see cref="ConnectionString"/>,
    /// shared by every instance of the service.
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The folder holding each service's SQLite file; created when missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>With PostgreSQL: an Npgsql connection string, such as <c>Host=db1,db2;Database=threerc;Username=threerc;Password=…</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// With PostgreSQL: the password, when <see cref="ConnectionString"/> carries none, so that it can come from a secret
    /// file (Storage__Password) while the connection string stays in plain settings.
    /// </summary>
    public string? Password { get; set; }
}

/// <summary>Where the services keep their state.</summary>
public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
