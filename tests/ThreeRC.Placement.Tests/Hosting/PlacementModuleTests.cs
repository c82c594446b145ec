using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Placement;
using ThreeRC.Persistence;
using ThreeRC.Placement.Extensions;
using ThreeRC.Placement.Persistence;
using ThreeRC.ServiceDefaults;
using ThreeRC.ServiceDefaults.Hosting;
using ThreeRC.Testing;

namespace ThreeRC.Placement.Tests.Hosting;

/// <summary>The module as the service and the all-in-one node compose it: service defaults, in-memory bus, placement.db.</summary>
public sealed class PlacementModuleTests : IDisposable
{
    private readonly TempDirectory _folder = new("placement-module");

    [Fact]
    public async Task The_module_starts_in_a_host_on_the_in_memory_bus_and_answers_map_queries()
    {
        await using var app = Build([]);
        await app.StartAsync();

        var answer = await app.Services.GetRequiredService<IBus>().CreateRequestClient<WhereIsVm>().GetResponse<VmLocation>(new WhereIsVm("gridce"));

        Assert.Equal(new VmLocation("gridce", true, "alfa01"), answer.Message);
        var location = app.Services.GetRequiredService<PlacementDatabase>().Location;
        if (TestStorage.Provider == StorageProvider.Sqlite) Assert.Equal(_folder.Combine("data", "placement.db"), location);
        else Assert.StartsWith("schema placement of database", location);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("ExpectedLoadPerVm", "-1", "Placement:ExpectedLoadPerVm: must be a number of 0 or more (was -1)")]
    [InlineData("LoadSettleTime", "-00:00:01", "Placement:LoadSettleTime: must not be negative (was -00:00:01)")]
    [InlineData("ReservationLifetime", "00:00:00", "Placement:ReservationLifetime: must be positive (was 00:00:00)")]
    [InlineData("SweepInterval", "00:00:00", "Placement:SweepInterval: must be positive (was 00:00:00)")]
    public async Task A_placement_option_out_of_range_stops_the_host_and_names_the_key(string key, string value, string error)
    {
        await using var app = Build([new($"Placement:{key}", value)]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error, failure.Failures);
    }

    public void Dispose() => _folder.Dispose();

    private WebApplication Build(KeyValuePair<string, string?>[] settings)
    {
        var builder = ServiceHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Inventory:Path"] = RepositoryRoot.Combine("infra", "inventory.sample.yaml"),
            ["Bus:Transport"] = "InMemory",
        });
        builder.Configuration.AddInMemoryCollection(TestStorage.Settings(_folder.Combine("data")));
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults(modules => modules.AddPlacement());
        var app = builder.Build();
        app.MapDefaultEndpoints();
        return app;
    }
}
