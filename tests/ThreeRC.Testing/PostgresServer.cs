using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace ThreeRC.Testing;

/// <summary>
/// One private PostgreSQL server from Debian's postgresql for the whole test run, started by
/// <c>infra/scripts/postgresql.sh</c> on a loopback port when a test first asks for a database, and stopped and its
/// folder removed when the test process ends, however it ends: by the script's watch of this process, since the test
/// platform kills its test processes shortly after their last test, before a handler of their exit could finish.
/// </summary>
public sealed class PostgresServer
{
    private static readonly string Script = RepositoryRoot.Combine("infra", "scripts", "postgresql.sh");
    private static readonly Lazy<Task<PostgresServer>> Started = new(StartAsync);
    private readonly TempDirectory _directory;
    private readonly Dictionary<string, string> _connection;

    private PostgresServer(TempDirectory directory, Dictionary<string, string> connection)
    {
        _directory = directory;
        _connection = connection;
    }

    /// <summary>The run's server, started on first use.</summary>
    public static Task<PostgresServer> SharedAsync() => Started.Value;

    public string ConnectionString => _connection["POSTGRES_CONNECTION_STRING"];

    /// <summary>The connection string of the database named after <paramref name="key"/>, created when it does not exist yet.</summary>
    public async Task<string> DatabaseAsync(string key)
    {
        var name = "t_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            try
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another test created it first.
            }
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString();
    }

    /// <summary>Stops the server and starts it again on the same port with the same data.</summary>
    public async Task RestartAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Command.RunAsync("bash", [Script, "stop", _directory.Path], TimeSpan.FromMinutes(1));
        await RunStartAsync(_directory);
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var directory = new TempDirectory("postgres");
        return new PostgresServer(directory, await RunStartAsync(directory));
    }

    private static async Task<Dictionary<string, string>> RunStartAsync(TempDirectory directory)
    {
        var result = await Command.RunAsync("bash", [Script, "start", directory.Path], TimeSpan.FromMinutes(2),
            environment: new Dictionary<string, string?> { ["OWNER_PID"] = Environment.ProcessId.ToString(), ["DISCARD"] = "1" });
        if (result.ExitCode != 0) throw new InvalidOperationException($"PostgreSQL did not start: {result}");
        return result.Settings();
    }
}
