using Grpc.Net.Client;
using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;

namespace ThreeRC.EndToEnd.Tests.Redundancy;

/// <summary>
/// Issue 19's redundant controller: two instances (a and b) of each of the six services, on a 3-node RabbitMQ cluster
/// with quorum queues and on one PostgreSQL database (a schema per service), protecting four hosts of at most 4 VMs.
/// alfa01's three VMs fit on the others only if placement never books a place twice.
/// </summary>
public sealed class RedundantStack : IAsyncLifetime
{
    public const int MaxVmsPerHost = 4;

    private GrpcChannel? _api;

    public RabbitMqCluster Broker { get; } = new();

    public PostgresServer Database { get; private set; } = null!;

    public EmulatedDataCentre DataCentre { get; private set; } = null!;

    public ServiceStack Services { get; private set; } = null!;

    /// <summary>Instance b's Api: the tests kill instance a of every service.</summary>
    public Recoveries.RecoveriesClient Recoveries => new(_api);

    public async Task InitializeAsync()
    {
        await Broker.InitializeAsync();
        Database = await PostgresServer.SharedAsync();
        var database = await Database.DatabaseAsync($"redundant-stack-{Guid.NewGuid()}");
        DataCentre = await EmulatedDataCentre.StartAsync(new Dictionary<string, string[]>
        {
            ["alfa01"] = ["vm21", "vm22", "vm23"],
            ["alfa02"] = ["vm24", "vm25", "vm26"],
            ["alfa03"] = ["vm27", "vm28", "vm29"],
            ["alfa04"] = ["vm30", "vm31"],
        }, DataCentreTimers.ForTests with { RestartWait = TimeSpan.FromSeconds(20) });
        var environment = new Dictionary<string, string?>(Broker.BusEnvironment)
        {
            ["Storage__Provider"] = "PostgreSql",
            ["Storage__ConnectionString"] = database,
            // The scenarios follow one another on these hosts: a VM started a scenario ago no longer weighs on its host's load.
            ["Placement__LoadSettleTime"] = "00:00:10",
            ["Placement__SweepInterval"] = "00:00:02",
        };
        foreach (var (key, value) in DataCentre.ServiceEnvironment) environment[key] = value;
        Services = await ServiceStack.StartAsync(environment, ["a", "b"]);
        _api = GrpcChannel.ForAddress(Services.ApiAddressOf("ThreeRC.Api/b"));
    }

    /// <summary>What the machines did, and what each process logged about <paramref name="vm"/>.</summary>
    public string Story(string vm) => "machines:\n" + string.Join('\n', DataCentre.Notes) + string.Concat(Services.Processes.Select(process =>
        $"\n{process} about {vm}:\n" + string.Join('\n', Services.Output(process).Split('\n').Where(line => line.Contains(vm, StringComparison.Ordinal)).TakeLast(30))));

    /// <summary>How many times <paramref name="vm"/> was started on each host that started it.</summary>
    public IReadOnlyDictionary<string, int> StartsByHost(string vm) => DataCentre.Hosts
        .Select(host => (host.Name, Starts: host.Hypervisor.Calls().Count(call => call == $"virsh start {vm}")))
        .Where(host => host.Starts > 0)
        .ToDictionary(host => host.Name, host => host.Starts);

    /// <summary>Throws when a VM ran on two hosts, or a host runs more VMs than it has places for (a double booking).</summary>
    public void AssertSafe()
    {
        DataCentre.AssertSafe();
        var crowded = DataCentre.Vms.GroupBy(vm => DataCentre.RunningOn(vm.Name)).Where(host => host.Key is not null && host.Count() > MaxVmsPerHost).ToList();
        Assert.True(crowded.Count == 0, "double booked: " + string.Join("; ", crowded.Select(host => $"{host.Key} runs {string.Join(", ", host.Select(vm => vm.Name))}")));
    }

    public async Task DisposeAsync()
    {
        await Teardown.RunAsync("the redundant stack",
        [
            () =>
            {
                _api?.Dispose();
                return ValueTask.CompletedTask;
            },
            () => Services?.DisposeAsync() ?? ValueTask.CompletedTask,
            () => DataCentre?.DisposeAsync() ?? ValueTask.CompletedTask,
            async () => await Broker.DisposeAsync(),
        ]);
    }
}

[CollectionDefinition(Name)]
public sealed class RedundantStackCollection : ICollectionFixture<RedundantStack>
{
    public const string Name = "redundant stack";
}
