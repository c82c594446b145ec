using MassTransit;
using MassTransit.Saga;
using Microsoft.Extensions.Options;
using ThreeRC.Persistence.Sagas.Outbox;

namespace ThreeRC.Persistence.Sagas;

/// <summary>
/// Opens a session on the saga's database for each message, load or query. A message whose id the inbox knows
/// was handled before: it only publishes what its saved state left in the outbox, if anything. Otherwise the saga
/// handles it, and what it published is published once its state is committed.
/// </summary>
public sealed class DatabaseSagaRepositoryContextFactory<TSaga>(
    IOptions<SagaStoreOptions<TSaga>> options,
    ISagaConsumeContextFactory<SagaSession<TSaga>, TSaga> factory,
    SagaOutboxPublisher<TSaga> publisher,
    IServiceProvider services)
    : ISagaRepositoryContextFactory<TSaga>, ILoadSagaRepositoryContextFactory<TSaga>, IQuerySagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISagaVersion
{
    private readonly Lazy<SagaStatements<TSaga>> _statements = new(() => new SagaStatements<TSaga>(options.Value));

    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class
    {
        IReadOnlyList<OutboxEntry> committed;
        await using (var session = await OpenAsync(context.CancellationToken, context.MessageId))
        {
            if (context.MessageId is { } handled && await session.ReceiveAsync(handled, context.CorrelationId ?? Guid.Empty, context.CancellationToken))
            {
                committed = await publisher.Store.PendingOfAsync(session.Connection, handled, context.CancellationToken);
            }
            else
            {
                await next.Send(new DatabaseSagaRepositoryContext<TSaga, T>(session, context, factory));
                committed = session.Committed;
            }
        }

        await publisher.PublishAsync(context, committed, context.CancellationToken);
    }

    public async Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        await using var session = await OpenAsync(context.CancellationToken);
        var instances = await session.QueryAsync(query.FilterExpression, context.CancellationToken);
        var repositoryContext = new DatabaseSagaRepositoryContext<TSaga, T>(session, context, factory);
        await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));
    }

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        ExecuteAsync(asyncMethod, cancellationToken);

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        ExecuteAsync(asyncMethod, cancellationToken);

    public void Probe(ProbeContext context)
    {
        context.Add("persistence", "database");
        context.Add("table", options.Value.Table);
    }

    private async Task<T> ExecuteAsync<T>(Func<DatabaseSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await asyncMethod(new DatabaseSagaRepositoryContext<TSaga>(session, cancellationToken));
    }

    private async Task<SagaSession<TSaga>> OpenAsync(CancellationToken cancellationToken, Guid? inbound = null)
    {
        var settings = options.Value;
        var database = settings.Database?.Invoke(services)
            ?? throw new InvalidOperationException($"no database configured for the {typeof(TSaga).Name} saga repository");
        return new SagaSession<TSaga>(await database.OpenAsync(cancellationToken), database, _statements.Value, publisher.Store, inbound);
    }
}
