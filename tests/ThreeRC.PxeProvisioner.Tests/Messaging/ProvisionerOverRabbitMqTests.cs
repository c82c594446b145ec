using System.Net;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.Contracts.Provisioning;
using ThreeRC.Contracts.Recovery;
using ThreeRC.PxeProvisioner.Tests.Support;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.StandIns;
using ThreeRC.Testing;

namespace ThreeRC.PxeProvisioner.Tests.Messaging;

/// <summary>The provisioner as its own process on a real RabbitMQ, its TFTP root served by a real dnsmasq.</summary>
public sealed class ProvisionerOverRabbitMqTests(RabbitMqBroker broker) : IClassFixture<RabbitMqBroker>, IAsyncLifetime
{
    private readonly TempDirectory _data = new("pxe-rabbitmq");
    private readonly DnsmasqServer _tftp = new();
    private readonly PublishedMessages _published = new();
    private IHost _bus = null!;

    public async Task InitializeAsync()
    {
        await _tftp.InitializeAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(broker.BusConfiguration);
        builder.Services.AddSingleton(_published);
        builder.Services.AddThreeRcBus(builder.Configuration, bus =>
        {
            bus.AddConsumer<MessageRecorder<ReinstallPrepared>>();
            bus.AddConsumer<MessageRecorder<InstallCompleted>>();
        });
        _bus = builder.Build();
        await _bus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        _bus.Dispose();
        await _tftp.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_PrepareReinstall_sent_over_RabbitMQ_is_prepared_served_over_TFTP_and_completed_by_the_call_back()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        await using var service = await StartProvisionerAsync(baseUrl);
        var command = Commands.Reinstall("gridce", "grid-ce");

        await _bus.Services.GetRequiredService<IBus>().Publish(command);
        var prepared = await _published.WaitForAsync<ReinstallPrepared>(message => message.RecoveryId == command.RecoveryId);
        var install = await _tftp.FetchAsync(prepared.PxeConfigFile);
        using var client = new HttpClient();
        using var response = await InstallOrder.In(install.Output, "gridce")!.CallBackAsync(client);
        var completed = await _published.WaitForAsync<InstallCompleted>(message => message.RecoveryId == command.RecoveryId);
        var after = await _tftp.FetchAsync(prepared.PxeConfigFile);

        Assert.Contains("# role: grid-ce", install.Output);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gridce", completed.VmName);
        Assert.Contains("LOCALBOOT 0", after.Output);
        Assert.Contains("threerc-prepare-reinstall", await broker.QueueNamesAsync());
    }

    [Fact]
    public async Task An_incident_s_end_published_over_RabbitMQ_puts_its_armed_entry_back_to_local_boot()
    {
        await using var service = await StartProvisionerAsync($"http://127.0.0.1:{FreePort.Next()}");
        var command = Commands.Reinstall("gridwn", "grid-wn");
        var bus = _bus.Services.GetRequiredService<IBus>();
        await bus.Publish(command);
        var prepared = await _published.WaitForAsync<ReinstallPrepared>(message => message.CommandId == command.CommandId);
        var armed = await _tftp.FetchAsync(prepared.PxeConfigFile);

        await bus.Publish(Commands.Ended(command.RecoveryId, "gridwn", RecoveryOutcome.Cancelled));
        var after = await Eventually.Until(
            () => _tftp.FetchAsync(prepared.PxeConfigFile), fetched => fetched.Output.Contains("LOCALBOOT 0"), TimeSpan.FromSeconds(30),
            $"{prepared.PxeConfigFile} served as local boot over TFTP");

        Assert.Contains("LABEL install", armed.Output);
        Assert.DoesNotContain("KERNEL", after.Output);
        Assert.Contains("threerc-pxe-recovery-completed", await broker.QueueNamesAsync());
        Assert.Contains($"(recovery {command.RecoveryId}): incident ended Cancelled", service.Output);
    }

    [Fact]
    public async Task When_the_active_provisioner_is_killed_mid_reinstall_the_standby_takes_its_queues_and_its_installer_s_call_back()
    {
        var activeUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var standbyUrl = $"http://127.0.0.1:{FreePort.Next()}";
        await using var active = await StartProvisionerAsync(activeUrl);
        await using var standby = await StartProvisionerAsync(standbyUrl);
        var bus = _bus.Services.GetRequiredService<IBus>();
        var first = Commands.Reinstall("gridce", "grid-ce");
        var second = Commands.Reinstall("gridwn", "grid-wn");

        await bus.Publish(first);
        var firstPrepared = await _published.WaitForAsync<ReinstallPrepared>(message => message.CommandId == first.CommandId);
        Assert.Contains("now reinstalls gridce", active.Output);
        active.Kill();
        await bus.Publish(second);
        var secondPrepared = await _published.WaitForAsync<ReinstallPrepared>(message => message.CommandId == second.CommandId);

        // The installer calls back where its entry says; a site gives both instances one call-back name (a DNS name
        // or a virtual address) that reaches whichever runs: here, the standby's address under the same path.
        var order = InstallOrder.In((await _tftp.FetchAsync(firstPrepared.PxeConfigFile)).Output, "gridce")!;
        using var client = new HttpClient();
        using var response = await (order with { CallbackUrl = new Uri(new Uri(standbyUrl), order.CallbackUrl.PathAndQuery) }).CallBackAsync(client);
        var completed = await _published.WaitForAsync<InstallCompleted>(message => message.RecoveryId == first.RecoveryId);
        var after = await _tftp.FetchAsync(firstPrepared.PxeConfigFile);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gridce", completed.VmName);
        Assert.Contains("LOCALBOOT 0", after.Output);
        Assert.Contains("now reinstalls gridwn", standby.Output);
        Assert.DoesNotContain("now reinstalls gridce", standby.Output);
        Assert.Contains("LABEL install", (await _tftp.FetchAsync(secondPrepared.PxeConfigFile)).Output);
    }

    /// <summary>A provisioner as a redundant site runs it: its queues single-active-consumer, so a second one stands by.</summary>
    private async Task<ServiceProcess> StartProvisionerAsync(string baseUrl)
    {
        var service = ServiceProcess.StartService("ThreeRC.PxeProvisioner", new Dictionary<string, string?>(broker.BusEnvironment.Concat(TestStorage.Environment(_data.Path)))
        {
            ["Urls"] = baseUrl,
            ["Inventory__Path"] = TestInventory.Write(_data),
            ["Pxe__TftpRoot"] = _tftp.TftpRoot,
            ["Pxe__CallbackBaseUrl"] = baseUrl,
            ["Bus__RabbitMq__SingleActiveConsumers"] = "true",
        });
        try
        {
            await service.WaitForHealthAsync($"{baseUrl}/health");
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }
}
