using Grpc.Net.Client;
using ThreeRC.Api.V1;
using ThreeRC.Testing;
using ThreeRC.Testing.Libvirt;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Libvirt.Tests;

/// <summary>
/// The six services as processes on a real RabbitMQ, protecting the libvirt lab: three hosts (Unix users with their
/// session libvirtd behind sshd, BMCs of ipmi_sim) and four QEMU guests, at most four running at once. vm01 takes
/// two faults (a QEMU kill and a panic, in either order): flap control is narrowed to a 1 s window, so that its
/// second incident starts at the reboot like its first.
/// </summary>
public sealed class LibvirtStack : IAsyncLifetime
{
    private GrpcChannel? _channel;
    private bool _disposed;

    public RabbitMqBroker Broker { get; } = new();

    public LibvirtLab Lab { get; private set; } = null!;

    public ServiceStack Services { get; private set; } = null!;

    public Cluster.ClusterClient Cluster => new(_channel);

    public Recoveries.RecoveriesClient Recoveries => new(_channel);

    public async Task InitializeAsync()
    {
        try
        {
            await Broker.InitializeAsync();
            Lab = await LibvirtLab.StartAsync(new Dictionary<string, string[]>
            {
                ["lab01"] = ["vm01", "vm02"],
                ["lab02"] = ["vm03"],
                ["lab03"] = ["vm04"],
            }, LibvirtLab.Timers);
            var environment = new Dictionary<string, string?>(Broker.BusEnvironment).Concat(Lab.ServiceEnvironment).ToDictionary();
            environment["Orchestrator__FlapWindow"] = "00:00:01";
            Services = await ServiceStack.StartAsync(environment);
            _channel = GrpcChannel.ForAddress(Services.ApiAddress);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops everything, each part even when stopping another failed, and even after a failed start; a second call
    /// (xunit's, after that) does nothing.
    /// </summary>
    public async Task DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _channel?.Dispose();
        await Teardown.RunAsync("the libvirt stack",
        [
            () => Services?.DisposeAsync() ?? ValueTask.CompletedTask,
            () => Lab?.DisposeAsync() ?? ValueTask.CompletedTask,
            async () => await Broker.DisposeAsync(),
        ]);
    }
}

[CollectionDefinition(Name)]
public sealed class LibvirtStackCollection : ICollectionFixture<LibvirtStack>
{
    public const string Name = "libvirt stack";
}
