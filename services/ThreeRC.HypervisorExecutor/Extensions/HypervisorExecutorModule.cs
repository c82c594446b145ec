using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Operations;
using ThreeRC.HypervisorExecutor.Consumers;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Health;
using ThreeRC.HypervisorExecutor.Ipmi;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Persistence;
using ThreeRC.HypervisorExecutor.Preflight;
using ThreeRC.HypervisorExecutor.Rehearsal;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Persistence;
using ThreeRC.ServiceDefaults;
using ThreeRC.ServiceDefaults.Preflight;

namespace ThreeRC.HypervisorExecutor.Extensions;

public static class HypervisorExecutorModule
{
    /// <summary>
    /// Adds the HypervisorExecutor module: the <c>Executor</c> options, the consumers of RebootGuest, RestartVm and
    /// FenceHost (and of HostResponsive, to log in to a machine that is back), the record that runs each command id
    /// at most once (executor.db under <c>Storage:DataDirectory</c>), and what the consumers reach: real machines
    /// over SSH and IPMI unless <paramref name="configure"/> says otherwise.
    /// </summary>
    public static ServiceModules AddHypervisorExecutor(this ServiceModules modules, Action<HypervisorExecutorBuilder>? configure = null)
    {
        var choice = new HypervisorExecutorBuilder();
        configure?.Invoke(choice);
        var services = modules.Services;
        services.AddOptions<ExecutorOptions>().BindConfiguration(ExecutorOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExecutorOptions>, ExecutorOptionsValidator>();
        services.AddCommandLedger();
        if (choice.ExecutorType is { } executor) services.AddReplacedExecution(executor);
        else services.AddRemoteExecution();

        // A replaced executor may not honour Executor:DryRun, so only the real one rehearses and logs in ahead.
        var sshNet = choice.ExecutorType is null;
        return modules.AddToBus(bus =>
        {
            bus.AddConsumer<RebootGuestConsumer>();
            bus.AddConsumer<RestartVmConsumer>();
            bus.AddConsumer<FenceHostConsumer>();
            if (sshNet) bus.AddConsumer<ReturnedHostConsumer>();
        }, choice.ExecutorType is null ? new ExecutorRehearsal() : null);
    }

    private static void AddRemoteExecution(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ExecutorOptions>, SshOptionsValidator>();
        services.AddHostedService<SshReadinessReport>();
        services.AddSingleton<SshConnector>();
        services.AddSingleton<SshConnectionPool>();
        services.AddSingleton<SshCommandRunner>();
        services.AddSingleton<LoginCheck>();
        services.AddHostedService(provider => provider.GetRequiredService<LoginCheck>());
        services.AddHealthChecks().AddCheck<SshLoginsHealthCheck>("ssh-logins").AddCheck<BmcsHealthCheck>("bmcs");
        services.AddSingleton<BmcCheck>();
        services.AddHostedService(provider => provider.GetRequiredService<BmcCheck>());

        services.AddServiceDatabase<LeaseDatabase>();
        services.AddSingleton<InstanceLeases>();
        services.AddSingleton<Machines>();
        services.AddSingleton<IpmiTool>();
        services.AddSingleton<ChassisFences>();
        services.AddSingleton<IpmiFencing>();
        services.AddSingleton<IGuestRebooter, GuestRebooter>();
        services.AddSingleton<IVmRestarter, VmRestarter>();
        services.AddSingleton<IHostFencer, HostFencer>();
        services.AddPreflightCheck<MachinesPreflightCheck>();
        services.AddStorePreflightCheck<LeaseDatabase>(PreflightModules.Executor);
    }

    /// <summary>One executor answers all three commands in place of the real actions.</summary>
    private static void AddReplacedExecution(this IServiceCollection services, Type executor)
    {
        services.AddSingleton(typeof(IHypervisorExecutor), executor);
        services.AddSingleton<IGuestRebooter>(provider => provider.GetRequiredService<IHypervisorExecutor>());
        services.AddSingleton<IVmRestarter>(provider => provider.GetRequiredService<IHypervisorExecutor>());
        services.AddSingleton<IHostFencer>(provider => provider.GetRequiredService<IHypervisorExecutor>());
    }
}
