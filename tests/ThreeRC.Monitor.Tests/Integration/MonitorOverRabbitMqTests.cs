using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Tests.Support;
using ThreeRC.Testing;

namespace ThreeRC.Monitor.Tests.Integration;

/// <summary>The monitor as its own process on a real RabbitMQ, its events consumed by another bus.</summary>
public sealed class MonitorOverRabbitMqTests(RabbitMqBroker broker) : IClassFixture<RabbitMqBroker>, IAsyncLifetime
{
    private Lab _lab = null!;

    public async Task InitializeAsync() => _lab = await Lab.StartAsync();

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    [Fact]
    public async Task The_monitor_alone_on_RabbitMQ_publishes_to_another_bus_and_says_in_its_health_that_gmond_is_gone()
    {
        await using var consumer = await ModuleHost.StartAsync(
            new Dictionary<string, string?>(broker.BusConfiguration) { ["Inventory:Path"] = _lab.InventoryPath }, _ => { }, Lab.Events);
        var port = FreePort.Next();
        var environment = _lab.MonitorConfiguration().Where(pair => pair.Value is not null && !pair.Key.StartsWith("Bus:", StringComparison.Ordinal))
            .Concat(broker.BusConfiguration)
            .Append(new("Urls", $"http://127.0.0.1:{port}"))
            .ToDictionary(pair => pair.Key.Replace(":", "__", StringComparison.Ordinal), pair => pair.Value);
        await using var monitor = ServiceProcess.StartService("ThreeRC.Monitor", environment);
        await monitor.WaitForHealthAsync($"http://127.0.0.1:{port}/health");

        var (load, _) = await consumer.Messages.WaitForAsync<HostLoadReported>(_ => true, TimeSpan.FromSeconds(30), "a load report over RabbitMQ");
        Assert.Equal("alfa01", Assert.Single(load.Hosts).HostName);
        await _lab.Hosts["alfa02"].StopAsync();
        var (down, _) = await consumer.Messages.WaitForAsync<HostUnresponsive>(_ => true, TimeSpan.FromSeconds(20), "a host unresponsive over RabbitMQ");
        Assert.Equal(("alfa02", HostKind.Physical, _lab.Gmond.Source), (down.Name, down.Kind, down.Source));

        await _lab.Gmond.KillAsync();
        await consumer.Messages.WaitForAsync<MonitorSourceUnavailable>(message => message.Source == _lab.Gmond.Source, TimeSpan.FromSeconds(20), "the source unavailable over RabbitMQ");
        var health = await monitor.WaitForHealthAsync($"http://127.0.0.1:{port}/health", "Unhealthy");
        var ganglia = health.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == "ganglia");
        Assert.Contains($"Ganglia source {_lab.Gmond.Source}", ganglia.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Single(consumer.Messages.Of<HostUnresponsive>());
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
        Assert.Equal((1, 1), (PrometheusText.Value(metrics, "threerc_monitor_sources"), PrometheusText.Value(metrics, "threerc_monitor_sources_failing")));
    }
}
