using Dapper;
using Npgsql;
using ThreeRC.Persistence;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Persistence;

/// <summary>A service's database on Debian's PostgreSQL, shared by several instances of the service.</summary>
public sealed class PostgreSqlDatabaseTests
{
    [Fact]
    public async Task Instances_starting_together_apply_each_script_once_into_the_service_schema()
    {
        var storage = await StorageAsync();

        var instances = Enumerable.Range(0, 4).Select(_ => new SampleDatabase(storage)).ToList();
        await Task.WhenAll(instances.Select(instance => instance.MigrateAsync()));

        await using var connection = await instances[0].OpenAsync();
        var versions = await connection.QueryAsync<(long Version, string Script)>("SELECT version, script FROM schema_version ORDER BY version");
        Assert.Equal([(1L, "001_create_samples.sql"), (2L, "002_add_note.sql"), (3L, "003_counter_saga.sql"), (4L, "004_counter_log.sql"), (5L, "005_counter_outbox.sql")], versions);
        Assert.Equal("samples", await connection.ExecuteScalarAsync<string>("SELECT table_schema FROM information_schema.tables WHERE table_name = 'samples'"));
        foreach (var instance in instances) await instance.DisposeAsync();
    }

    [Fact]
    public async Task Guids_offsets_and_flags_read_back_exactly()
    {
        await using var database = new SampleDatabase(await StorageAsync());
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.FromHours(-5)).AddTicks(9_876_543);
        await using var connection = await database.OpenAsync();

        await connection.ExecuteAsync("INSERT INTO samples (id, at, note) VALUES (@id, @at, 'x')", new { id, at });
        await connection.ExecuteAsync("INSERT INTO counter_log (correlation_id, number) VALUES (@id, @flag)", new { id, flag = true });
        var row = await connection.QuerySingleAsync<(Guid Id, DateTimeOffset At)>("SELECT id, at FROM samples");

        Assert.Equal(id, row.Id);
        Assert.Equal(at, row.At);
        Assert.Equal(at.Offset, row.At.Offset);
        Assert.True(await connection.QuerySingleAsync<bool>("SELECT number FROM counter_log"));
        Assert.True(await connection.QuerySingleAsync<bool>("SELECT EXISTS (SELECT 1 FROM samples)"));
    }

    [Fact]
    public async Task Writes_of_two_instances_never_interleave_a_read_and_its_write()
    {
        var storage = await StorageAsync();
        await using var first = new SampleDatabase(storage);
        await using var second = new SampleDatabase(storage);
        var id = Guid.NewGuid();
        await first.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync("INSERT INTO counter_log (correlation_id, number) VALUES (@id, 0)", new { id }, transaction));

        // Each increment reads the number, then writes it plus one: without the write lock, two would read the same.
        await Task.WhenAll(Enumerable.Range(0, 100).Select(n => (n % 2 == 0 ? first : second).WriteAsync(async (connection, transaction) =>
        {
            var number = await connection.QuerySingleAsync<long>("SELECT number FROM counter_log WHERE correlation_id = @id", new { id }, transaction);
            await Task.Yield();
            return await connection.ExecuteAsync("UPDATE counter_log SET number = @next WHERE correlation_id = @id", new { id, next = number + 1 }, transaction);
        })));

        await using var check = await first.OpenAsync();
        Assert.Equal(100, await check.QuerySingleAsync<long>("SELECT number FROM counter_log WHERE correlation_id = @id", new { id }));
    }

    [Fact]
    public async Task A_duplicate_key_reads_as_one()
    {
        await using var database = new SampleDatabase(await StorageAsync());
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO samples (id, at) VALUES ('a', 'b')");

        var duplicate = await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("INSERT INTO samples (id, at) VALUES ('a', 'c')"));

        Assert.True(database.Dialect.IsDuplicateKey(duplicate), duplicate.ToString());
    }

    [Fact]
    public async Task The_password_may_come_apart_from_a_connection_string_that_carries_none()
    {
        var storage = await StorageAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
        var password = connectionString.Password;
        connectionString.Password = null;

        await using var without = new SampleDatabase(new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString.ToString() });
        Assert.Contains("No password", (await Assert.ThrowsAsync<NpgsqlException>(() => without.MigrateAsync())).Message);
        await using var apart = new SampleDatabase(new StorageOptions
        {
            Provider = StorageProvider.PostgreSql, ConnectionString = connectionString.ToString(), Password = password,
        });
        await apart.MigrateAsync();
        await using var connection = await apart.OpenAsync();
        Assert.Equal(1, await connection.QuerySingleAsync<int>("SELECT 1"));
    }

    [Fact]
    public async Task Without_a_connection_string_the_database_says_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SampleDatabase(new StorageOptions { Provider = StorageProvider.PostgreSql }));

        Assert.Contains("Storage:ConnectionString", error.Message);
    }

    private static async Task<StorageOptions> StorageAsync() => new()
    {
        Provider = StorageProvider.PostgreSql,
        ConnectionString = await (await PostgresServer.SharedAsync()).DatabaseAsync(Guid.NewGuid().ToString()),
    };

    private sealed class SampleDatabase(StorageOptions storage)
        : ServiceDatabase(storage, "samples", typeof(SampleDatabase).Assembly, "ThreeRC.Shared.Tests.Persistence.Scripts.");
}
