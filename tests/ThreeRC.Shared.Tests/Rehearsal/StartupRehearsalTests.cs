using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ThreeRC.Testing;

namespace ThreeRC.Shared.Tests.Rehearsal;

public sealed class StartupRehearsalTests : IDisposable
{
    private readonly TempDirectory _data = new("rehearsal");

    [Fact]
    public async Task A_module_rehearses_on_a_stage_of_its_own_before_the_real_bus_starts_which_then_echoes_once()
    {
        var rehearsal = new EchoRehearsal();

        await using var host = await StartAsync(rehearsal);

        Assert.NotNull(rehearsal.Heard);
        Assert.Equal("hello", rehearsal.Heard.Text);
        Assert.DoesNotContain(_data.Path, rehearsal.Heard.DataDirectory);
        Assert.Equal("Sqlite", rehearsal.Heard.StorageProvider);
        Assert.False(Directory.Exists(rehearsal.Heard.DataDirectory), "the stage's folder is deleted after the rehearsal");
        Assert.Empty(host.Messages.Of<Shout>());
        Assert.Empty(host.Messages.Of<Echo>());
        var messages = Logs(host).Select(record => record.Message).ToList();
        var played = messages.FindIndex(message => message.StartsWith("EchoRehearsal played in", StringComparison.Ordinal));
        var busStarted = Assert.Single(messages.Select((message, index) => (message, index)), entry => entry.message.StartsWith("Bus started", StringComparison.Ordinal)).index;
        var echoed = messages.FindIndex(message => message.StartsWith("The bus carried an echo to itself in", StringComparison.Ordinal));
        Assert.True(played >= 0 && busStarted > played && echoed > busStarted, string.Join("\n", messages));
    }

    [Fact]
    public async Task A_rehearsal_that_fails_is_logged_and_the_service_starts_all_the_same()
    {
        var rehearsal = new EchoRehearsal(new InvalidOperationException("the stage fell over"));

        await using var host = await StartAsync(rehearsal);

        var warning = Assert.Single(Logs(host), record => record.Level == LogLevel.Warning && record.Message.StartsWith("EchoRehearsal", StringComparison.Ordinal));
        Assert.Contains("stopped after", warning.Message);
        Assert.Contains("the stage fell over", warning.Message);
        Assert.Contains("the first incident will compile the rest", warning.Message);
        await host.Services.GetRequiredService<MassTransit.IBus>().Publish(new Shout("real"));
        await host.Messages.WaitForAsync<Echo>(echo => echo.Text == "real", TimeSpan.FromSeconds(10), "the real bus's echo");
    }

    [Fact]
    public async Task With_the_rehearsal_off_nothing_is_played()
    {
        var rehearsal = new EchoRehearsal();

        await using var host = await StartAsync(rehearsal, enabled: false);

        Assert.Null(rehearsal.Heard);
        Assert.DoesNotContain(Logs(host), record => record.Message.Contains("played in", StringComparison.Ordinal)
            || record.Message.Contains("echo to itself", StringComparison.Ordinal));
        Assert.Single(Logs(host), record => record.Message.StartsWith("Bus started", StringComparison.Ordinal));
    }

    public void Dispose() => _data.Dispose();

    private Task<ModuleHost> StartAsync(EchoRehearsal rehearsal, bool enabled = true) => ModuleHost.StartAsync(
        new Dictionary<string, string?>
        {
            ["Inventory:Path"] = _data.Write("inventory.yaml", Inventory.ValidInventory.Yaml),
            ["Storage:DataDirectory"] = _data.Path,
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=never-reached",
            ["Rehearsal:Enabled"] = enabled.ToString(),
        },
        modules => modules.AddEcho(rehearsal),
        [typeof(Shout), typeof(Echo)],
        builder => builder.Logging.AddFakeLogging());

    private static IReadOnlyList<FakeLogRecord> Logs(ModuleHost host) => host.Services.GetFakeLogCollector().GetSnapshot();
}
