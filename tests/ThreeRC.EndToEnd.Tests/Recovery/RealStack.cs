using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;

namespace ThreeRC.EndToEnd.Tests.Recovery;

/// <summary>
/// The six services as processes on a real RabbitMQ, protecting an emulated data centre of three hosts and seven
/// VMs. Each scenario crashes its own VM, so that flap control (a VM that crashes again within 30 minutes starts
/// one level higher) never changes what a scenario sees.
/// </summary>
public sealed class RealStack : IAsyncLifetime
{
    private ProtectedDataCentre? _stack;

    public RabbitMqBroker Broker => _stack!.Broker;

    public EmulatedDataCentre DataCentre => _stack!.DataCentre;

    public ServiceStack Services => _stack!.Services;

    public Cluster.ClusterClient Cluster => new(_stack!.Api);

    public Recoveries.RecoveriesClient Recoveries => new(_stack!.Api);

    public string Story(string vm) => _stack!.Story(vm);

    public async Task InitializeAsync()
    {
        _stack = await ProtectedDataCentre.StartAsync(new Dictionary<string, string[]>
        {
            ["alfa01"] = ["vm01", "vm02", "vm07"],
            ["alfa02"] = ["vm03", "vm04"],
            ["alfa03"] = ["vm05", "vm06"],
        }, DataCentreTimers.ForTests);
    }

    public async Task DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RealStackCollection : ICollectionFixture<RealStack>
{
    public const string Name = "real stack";
}
