using MassTransit;
using ThreeRC.Persistence.Sagas;

namespace ThreeRC.Orchestrator.StateMachines.Activities;

/// <summary>
/// An activity of the recovery saga that reads or writes the orchestrator's own tables beside the saga row, on the
/// message's SQLite session, so that its writes commit with the state they belong to. These are the only parts of the
/// saga that touch storage.
/// </summary>
public abstract class StorageActivity : IStateMachineActivity<RecoveryState>
{
    public async Task Execute(BehaviorContext<RecoveryState> context, IBehavior<RecoveryState> next)
    {
        await RunAsync(context.Saga, Session(context));
        await next.Execute(context);
    }

    public async Task Execute<T>(BehaviorContext<RecoveryState, T> context, IBehavior<RecoveryState, T> next)
        where T : class
    {
        await RunAsync(context.Saga, Session(context));
        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<RecoveryState, TException> context, IBehavior<RecoveryState> next)
        where TException : Exception =>
        next.Faulted(context);

    public Task Faulted<T, TException>(BehaviorExceptionContext<RecoveryState, T, TException> context, IBehavior<RecoveryState, T> next)
        where T : class
        where TException : Exception =>
        next.Faulted(context);

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);

    public void Probe(ProbeContext context) => context.CreateScope(GetType().Name);

    protected abstract Task RunAsync(RecoveryState saga, SagaSession<RecoveryState> session);

    private static SagaSession<RecoveryState> Session(BehaviorContext<RecoveryState> context) =>
        context.TryGetPayload<SagaSession<RecoveryState>>(out var session)
            ? session
            : throw new InvalidOperationException("the recovery saga runs on the SQLite saga repository only (see OrchestratorModule)");
}
