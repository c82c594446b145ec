using MassTransit;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Orchestrator.Persistence;

namespace ThreeRC.Orchestrator.StateMachines.Activities;

/// <summary>
/// A VM's silence may reach the saga before its host's loss reaches the lost-host consumer: the hosts the monitor found
/// quiet at the same poll engage the mass-failure brake here too, before the incident's first step. The brake commits
/// in its own transaction, so its announcement leaves at once, not with the saga's: a retry would find it engaged.
/// </summary>
public sealed class MassFailureActivity(FencingBrake brake, IBus bus) : IStateMachineActivity<RecoveryState, HostUnresponsive>
{
    public async Task Execute(BehaviorContext<RecoveryState, HostUnresponsive> context, IBehavior<RecoveryState, HostUnresponsive> next)
    {
        if (context.Message.QuietPhysicalHosts.Count > 0 && await brake.EngageIfTooManyAsync(context.Message.QuietPhysicalHosts) is { } halted)
            await bus.Publish(halted, context.CancellationToken);
        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<RecoveryState, HostUnresponsive, TException> context, IBehavior<RecoveryState, HostUnresponsive> next)
        where TException : Exception =>
        next.Faulted(context);

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);

    public void Probe(ProbeContext context) => context.CreateScope("mass-failure");
}
