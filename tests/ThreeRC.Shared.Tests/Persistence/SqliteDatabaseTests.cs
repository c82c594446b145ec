using Dapper;
using ThreeRC.Persistence;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Persistence;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDirectory _folder = new("sqlite");

    [Fact]
    public async Task Scripts_run_once_in_number_order_and_are_recorded()
    {
        var file = _folder.Combine("samples");
        await using (var connection = await new SampleDatabase(file).OpenAsync())
            await connection.ExecuteAsync("INSERT INTO samples (id, at, note) VALUES ('a', 'b', 'c')");

        await using var again = await new SampleDatabase(file).OpenAsync();
        var versions = await again.QueryAsync<(long Version, string Script)>("SELECT version, script FROM schema_version ORDER BY version");
        Assert.Equal([(1L, "001_create_samples.sql"), (2L, "002_add_note.sql"), (3L, "003_counter_saga.sql"), (4L, "004_counter_log.sql"), (5L, "005_counter_outbox.sql")], versions);
        Assert.Equal(1, await again.ExecuteScalarAsync<int>("SELECT count(*) FROM samples"));
    }

    [Fact]
    public async Task Guids_and_offsets_read_back_exactly()
    {
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.FromHours(-5)).AddTicks(9_876_543);
        await using var connection = await new SampleDatabase(_folder.Combine("exact")).OpenAsync();

        await connection.ExecuteAsync("INSERT INTO samples (id, at) VALUES (@id, @at)", new { id, at });
        var row = await connection.QuerySingleAsync<(Guid Id, DateTimeOffset At)>("SELECT id, at FROM samples");

        Assert.Equal(id, row.Id);
        Assert.Equal(at, row.At);
        Assert.Equal(at.Offset, row.At.Offset);
    }

    [Fact]
    public async Task The_database_runs_in_write_ahead_log_mode()
    {
        await using var connection = await new SampleDatabase(_folder.Combine("wal")).OpenAsync();

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The SQLite file <c>samples.db</c> in <paramref name="folder"/>.</summary>
    private sealed class SampleDatabase(string folder)
        : ServiceDatabase(new StorageOptions { DataDirectory = folder }, "samples", typeof(SampleDatabase).Assembly, "ThreeRC.Shared.Tests.Persistence.Scripts.");
}
