using ThreeRC.Persistence;

namespace ThreeRC.Testing;

/// <summary>
/// The storage the tests give the services: SQLite files by default; with <c>THREERC_TEST_STORAGE=PostgreSql</c>, a
/// database on the run's <see cref="PostgresServer"/> for each data directory (a service restarted on the same
/// directory finds its data again, as it finds its file).
/// </summary>
public static class TestStorage
{
    public static StorageProvider Provider { get; } =
        Enum.TryParse<StorageProvider>(System.Environment.GetEnvironmentVariable("THREERC_TEST_STORAGE"), ignoreCase: true, out var provider)
            ? provider
            : StorageProvider.Sqlite;

    /// <summary>The <c>Storage</c> settings of a service whose data lives in <paramref name="dataDirectory"/>, as configuration keys.</summary>
    public static Dictionary<string, string?> Settings(string dataDirectory) =>
        Provider == StorageProvider.Sqlite
            ? new() { ["Storage:DataDirectory"] = dataDirectory }
            : new()
            {
                ["Storage:DataDirectory"] = dataDirectory,
                ["Storage:Provider"] = nameof(StorageProvider.PostgreSql),
                ["Storage:ConnectionString"] = ConnectionString(dataDirectory),
            };

    /// <summary>The same, as environment variables for a service process.</summary>
    public static Dictionary<string, string?> Environment(string dataDirectory) =>
        Settings(dataDirectory).ToDictionary(pair => pair.Key.Replace(":", "__"), pair => pair.Value);

    /// <summary>The same, as options.</summary>
    public static StorageOptions Options(string dataDirectory) => new()
    {
        Provider = Provider,
        DataDirectory = dataDirectory,
        ConnectionString = Provider == StorageProvider.Sqlite ? null : ConnectionString(dataDirectory),
    };

    private static string ConnectionString(string dataDirectory) =>
        PostgresServer.SharedAsync().GetAwaiter().GetResult().DatabaseAsync(Path.GetFullPath(dataDirectory)).GetAwaiter().GetResult();
}
