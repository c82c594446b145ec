using MassTransit;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Operations;
using ThreeRC.Contracts.Placement;
using ThreeRC.Orchestrator.Consumers;
using ThreeRC.Orchestrator.Deadlines;
using ThreeRC.Orchestrator.Options;
using ThreeRC.Orchestrator.Persistence;
using ThreeRC.Orchestrator.Rehearsal;
using ThreeRC.Orchestrator.StateMachines;
using ThreeRC.Persistence;
using ThreeRC.Persistence.Sagas;
using ThreeRC.ServiceDefaults;
using ThreeRC.ServiceDefaults.Messaging;
using ThreeRC.ServiceDefaults.Preflight;

namespace ThreeRC.Orchestrator.Extensions;

public static class OrchestratorModule
{
    /// <summary>Adds the Orchestrator module: the recovery saga on SQLite, its deadline sweeper, its consumers and their rehearsal.</summary>
    public static ServiceModules AddOrchestrator(this ServiceModules modules)
    {
        modules.Services.AddOrchestratorServices();
        modules.Services.AddHostedService(provider => provider.GetRequiredService<DeadlineSweeper>());
        return modules.AddToBus(AddOrchestratorConsumers, new OrchestratorRehearsal());
    }

    /// <summary>The orchestrator's options, database and stores (without the sweeper's background loop).</summary>
    public static IServiceCollection AddOrchestratorServices(this IServiceCollection services)
    {
        services.AddOptions<OrchestratorOptions>().BindConfiguration(OrchestratorOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrchestratorOptions>, OrchestratorOptionsValidator>();
        services.AddServiceDatabase<OrchestratorDatabase>();
        services.AddStorePreflightCheck<OrchestratorDatabase>(PreflightModules.Orchestrator);
        services.AddSingleton<RecoverySlots>();
        services.AddSingleton<HostStatusStore>();
        services.AddSingleton<MaintenanceStore>();
        services.AddSingleton<IncidentGuards>();
        services.AddSingleton<FencingBrake>();
        services.AddScoped<HostLoss>();
        services.AddSingleton<RecoverySteps>();
        services.AddSingleton<RecoveryIncidents>();
        services.AddSingleton<DeadlineStore>();
        services.AddSingleton<DeadlineSweeper>();
        services.AddSingleton<SelfKill>();
        services.AddTransactionalOutboxEndpoint(RecoveryStateDefinition.Queue);
        return services;
    }

    /// <summary>The orchestrator's saga and consumers, for a bus of its own or a test harness.</summary>
    public static void AddOrchestratorConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddSagaStateMachine<RecoveryStateMachine, RecoveryState, RecoveryStateDefinition>()
            .DatabaseRepository(repository =>
            {
                repository.Table = "recovery_saga";
                repository.Database = provider => provider.GetRequiredService<OrchestratorDatabase>();
                repository.BeforePublish = (provider, messages) => provider.GetRequiredService<SelfKill>().IfAskedAsync(messages);
                repository
                    .Column("vm_name", saga => saga.VmName)
                    .Column("current_state", saga => saga.CurrentState)
                    .Column("current_host", saga => saga.CurrentHost)
                    .Column("deadline_at", saga => saga.DeadlineAt?.ToUnixTimeMilliseconds())
                    .Column("deadline_token", saga => saga.DeadlineToken);
            });
        bus.AddConsumer<PhysicalHostLostConsumer>();
        bus.AddConsumer<PhysicalHostReturnedConsumer>();
        bus.AddConsumer<MaintenanceChangedConsumer>();
        bus.AddConsumer<ResumeFencingConsumer>();
        bus.AddRequestClient<GetVmsOnHost>(RequestTimeout.After(s: 30));
    }
}
