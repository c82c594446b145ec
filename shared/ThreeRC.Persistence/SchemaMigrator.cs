using System.Globalization;
using System.Reflection;
using Dapper;
using ThreeRC.Persistence.Dialects;

namespace ThreeRC.Persistence;

/// <summary>
/// Applies embedded scripts named <c>NNN_description.sql</c> in number order, each in its own transaction,
/// and records each in <c>schema_version</c>, so that a database is only ever moved forward. Instances of a
/// service starting together on one PostgreSQL database migrate one after the other: the later find it done.
/// </summary>
internal sealed class SchemaMigrator(StorageDialect dialect, Assembly assembly, string prefix)
{
    public async Task MigrateAsync()
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var migration = await dialect.BeginMigrationAsync(connection);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var applied = (await connection.QueryAsync<long>("SELECT version FROM schema_version")).ToHashSet();

        foreach (var (version, name) in Scripts().Where(script => !applied.Contains(script.Version)))
        {
            var sql = await ReadAsync(name);
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, script, applied_at) VALUES (@version, @name, @at)",
                new { version, name = name[prefix.Length..], at = DateTimeOffset.UtcNow }, transaction);
            await transaction.CommitAsync();
        }
    }

    private IEnumerable<(long Version, string Name)> Scripts() =>
        assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Version: ParseVersion(name[prefix.Length..]), Name: name))
            .OrderBy(script => script.Version);

    private static long ParseVersion(string script)
    {
        var number = script.Split('_', 2)[0];
        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InvalidOperationException($"schema script '{script}' must start with its version number, as in 001_create.sql");
    }

    private async Task<string> ReadAsync(string name)
    {
        await using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
