using ThreeRC.Api.V1;
using ThreeRC.Testing.Libvirt;
using ThreeRC.Testing.Stack;

namespace ThreeRC.Libvirt.Tests;

/// <summary>
/// The six services as processes on a real RabbitMQ, protecting the libvirt lab: three hosts (Unix users with their
/// session libvirtd behind sshd, BMCs of ipmi_sim) and four QEMU guests, at most four running at once, every heartbeat
/// also pushed to the monitor on UDP. vm01 takes
/// two faults (a QEMU kill and a panic, in either order): flap control is narrowed to the lab's window, so that its
/// second incident starts at the reboot like its first.
/// </summary>
public sealed class LibvirtStack : IAsyncLifetime
{
    private ProtectedStack<LibvirtLab>? _stack;

    public LibvirtLab Lab => _stack!.DataCentre;

    public ServiceStack Services => _stack!.Services;

    public Cluster.ClusterClient Cluster => new(_stack!.Api);

    public Recoveries.RecoveriesClient Recoveries => new(_stack!.Api);

    /// <summary>
    /// Starts it all, then lets the monitor hear three heartbeats of every host and guest: push knows a host's
    /// interval from its second heartbeat on. A failed start has stopped what it started before it throws.
    /// </summary>
    public async Task InitializeAsync()
    {
        _stack = await ProtectedStack<LibvirtLab>.StartAsync(() => LibvirtLab.StartAsync(new Dictionary<string, string[]>
        {
            ["lab01"] = ["vm01", "vm02"],
            ["lab02"] = ["vm03"],
            ["lab03"] = ["vm04"],
        }, LibvirtLab.Timers, push: true), LibvirtLab.FlapWindow);
        await Task.Delay(LibvirtLab.HeartbeatInterval * 3);
    }

    public async Task DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LibvirtStackCollection : ICollectionFixture<LibvirtStack>
{
    public const string Name = "libvirt stack";
}
