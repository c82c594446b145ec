using Grpc.Core;
using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.DataCentre;
using ThreeRC.Testing.Stack;

namespace ThreeRC.EndToEnd.Tests.Safety;

/// <summary>
/// The real stack for the controller's own faults (issue 17): three hosts, a VM per scenario. The orchestrator kills
/// itself once, right after it commits the restart of <see cref="KilledBeforePublishing"/> and before it publishes it;
/// the Api takes operator commands with <see cref="ApiKey"/>.
/// </summary>
public sealed class SafetyStack : IAsyncLifetime
{
    public const string KilledBeforePublishing = "vm11";
    public const string ApiKey = "safety-stack-key-0123456789";

    /// <summary>
    /// T2 long enough for a killed orchestrator to start again on a busy machine before its restart's not-after time:
    /// the restart it committed must still be worth sending when it comes back.
    /// </summary>
    private static readonly DataCentreTimers Timers = DataCentreTimers.ForTests with { RestartWait = TimeSpan.FromSeconds(45) };

    private ProtectedDataCentre? _stack;

    public EmulatedDataCentre DataCentre => _stack!.DataCentre;

    public ServiceStack Services => _stack!.Services;

    public Cluster.ClusterClient Cluster => new(_stack!.Api);

    public Recoveries.RecoveriesClient Recoveries => new(_stack!.Api);

    public Operations.OperationsClient Operations => new(_stack!.Api);

    public static Metadata Operator => new() { { "x-api-key", ApiKey } };

    public async Task InitializeAsync()
    {
        _stack = await ProtectedDataCentre.StartAsync(new Dictionary<string, string[]>
        {
            ["alfa01"] = [KilledBeforePublishing, "vm12"],
            ["alfa02"] = ["vm13"],
            ["alfa03"] = ["vm14"],
        }, Timers, settings: new Dictionary<string, string?>
        {
            ["Orchestrator__FaultInjection__KillBeforePublishing"] = "RestartVm",
            ["Orchestrator__FaultInjection__Vm"] = KilledBeforePublishing,
            ["Api__ApiKey"] = ApiKey,
        });
    }

    public async Task DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
    }

    public string Story(string vm) => _stack!.Story(vm);

    /// <summary>How many times the VM was started on any host.</summary>
    public int Starts(string vm) => DataCentre.Hosts.Sum(host => host.Hypervisor.Calls().Count(call => call == $"virsh start {vm}"));
}

[CollectionDefinition(Name)]
public sealed class SafetyStackCollection : ICollectionFixture<SafetyStack>
{
    public const string Name = "safety stack";
}
