using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Saga;

namespace ThreeRC.Persistence.Sagas;

/// <summary>The repository side of one consumed message: load, add, update or delete its saga instance.</summary>
public sealed class DatabaseSagaRepositoryContext<TSaga, TMessage>(
    SagaSession<TSaga> session,
    ConsumeContext<TMessage> consumeContext,
    ISagaConsumeContextFactory<SagaSession<TSaga>, TSaga> factory)
    : ConsumeContextScope<TMessage>(consumeContext, session, session.Outbox), SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISagaVersion
    where TMessage : class
{
    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> context, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        factory.CreateSagaConsumeContext(session, context, instance, mode);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(session, this, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        await session.InsertAsync(instance, CancellationToken);
        return await factory.CreateSagaConsumeContext(session, this, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await session.LoadAsync(correlationId, CancellationToken);
        return instance is null
            ? null!
            : await factory.CreateSagaConsumeContext(session, this, instance, SagaConsumeContextMode.Load);
    }

    public Task Save(SagaConsumeContext<TSaga> context) => session.InsertAsync(context.Saga, CancellationToken);

    public Task Update(SagaConsumeContext<TSaga> context) => session.UpdateAsync(context.Saga, CancellationToken);

    public Task Delete(SagaConsumeContext<TSaga> context) => session.DeleteAsync(context.Saga, CancellationToken);

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) => Task.CompletedTask;
}

/// <summary>The repository side of a load or query outside a consumed message (tests, tools).</summary>
public sealed class DatabaseSagaRepositoryContext<TSaga>(SagaSession<TSaga> session, CancellationToken cancellationToken)
    : BasePipeContext(cancellationToken), LoadSagaRepositoryContext<TSaga>, QuerySagaRepositoryContext<TSaga>
    where TSaga : class, ISagaVersion
{
    public Task<TSaga> Load(Guid correlationId) => session.LoadAsync(correlationId, CancellationToken)!;

    public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken cancellationToken = default)
    {
        var instances = await session.QueryAsync(query.FilterExpression, cancellationToken);
        return new LoadedSagaRepositoryQueryContext<TSaga>(this, instances);
    }
}
