using MassTransit;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Orchestrator.Persistence;
using ThreeRC.Persistence.Sagas.Outbox;

namespace ThreeRC.Orchestrator.StateMachines.Activities;

/// <summary>
/// A VM's silence may reach the saga before its host's loss reaches the lost-host consumer: the hosts the monitor found
/// quiet at the same poll engage the mass-failure brake here too, before the incident's first step.
/// </summary>
public sealed class MassFailureActivity(FencingBrake brake) : IStateMachineActivity<RecoveryState, HostUnresponsive>
{
    public async Task Execute(BehaviorContext<RecoveryState, HostUnresponsive> context, IBehavior<RecoveryState, HostUnresponsive> next)
    {
        if (await brake.EngageIfTooManyAsync(context.Message.QuietPhysicalHosts) is { } halted) context.PublishWithState(halted);
        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<RecoveryState, HostUnresponsive, TException> context, IBehavior<RecoveryState, HostUnresponsive> next)
        where TException : Exception =>
        next.Faulted(context);

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);

    public void Probe(ProbeContext context) => context.CreateScope("mass-failure");
}
