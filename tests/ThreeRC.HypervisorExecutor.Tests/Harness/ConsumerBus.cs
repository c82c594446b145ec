using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ThreeRC.HypervisorExecutor.Consumers;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Extensions;
using ThreeRC.Testing;

namespace ThreeRC.HypervisorExecutor.Tests.Harness;

/// <summary>
/// The executor's consumers on MassTransit's test harness, as the service wires them (retry around the in-memory
/// outbox, the command record in executor.db under <paramref name="dataDirectory"/>), over the test's executor.
/// </summary>
internal static class ConsumerBus
{
    public static ServiceProvider Create(IHypervisorExecutor executor, string dataDirectory, TimeProvider time, FailingPublishes? failures = null) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(TestStorage.Settings(dataDirectory))
                .Build())
            .AddLogging()
            .AddSingleton<IGuestRebooter>(executor)
            .AddSingleton<IVmRestarter>(executor)
            .AddSingleton<IHostFencer>(executor)
            .AddSingleton(time)
            .AddSingleton(failures ?? new FailingPublishes())
            .AddCommandLedger()
            .AddMassTransitTestHarness(bus =>
            {
                // The default 1.2 s of inactivity ends the wait for a result before a loaded CI machine has published it.
                bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30), testInactivityTimeout: TimeSpan.FromSeconds(5));
                bus.AddConsumer<RebootGuestConsumer>();
                bus.AddConsumer<RestartVmConsumer>();
                bus.AddConsumer<FenceHostConsumer>();
                bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
                {
                    endpoint.UseMessageRetry(retry => retry.Immediate(3));
                    endpoint.UseInMemoryOutbox(context);
                });
                bus.UsingInMemory((context, memory) =>
                {
                    memory.ConfigurePublish(publish => publish.UseFilter(new FailingPublishFilter(context.GetRequiredService<FailingPublishes>())));
                    memory.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);

    public static async Task<ITestHarness> StartAsync(this ServiceProvider provider)
    {
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return harness;
    }
}
