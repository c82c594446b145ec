using System.Text.RegularExpressions;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ThreeRC.Persistence.Sagas.Outbox;

namespace ThreeRC.Persistence.Sagas;

/// <summary>Registers the database saga repository for a saga.</summary>
public static partial class DatabaseSagaRepositoryExtensions
{
    /// <summary>
    /// Stores the saga's instances in a table of the service's database (SQLite or PostgreSQL), with optimistic concurrency on <see cref="ISagaVersion"/>, an inbox
    /// that drops a message handled before, and a transactional outbox for what the saga publishes
    /// (<c>PublishWithState</c>).
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> DatabaseRepository<TSaga>(
        this ISagaRegistrationConfigurator<TSaga> configurator,
        Action<SagaStoreOptions<TSaga>> configure)
        where TSaga : class, ISaga, ISagaVersion
    {
        var options = new SagaStoreOptions<TSaga>();
        configure(options);
        if (!Identifier().IsMatch(options.Table) || options.Columns.Any(column => !Identifier().IsMatch(column.Name)))
            throw new ArgumentException($"the {typeof(TSaga).Name} repository needs a table and columns named as SQL identifiers");
        if (options.Database is null) throw new ArgumentException($"the {typeof(TSaga).Name} repository needs a database");

        configurator.Repository(repository =>
        {
            repository.AddOptions<SagaStoreOptions<TSaga>>().Configure(target =>
            {
                target.Table = options.Table;
                target.Database = options.Database;
                target.OutboxSweepInterval = options.OutboxSweepInterval;
                target.OutboxStaleAfter = options.OutboxStaleAfter;
                target.InboxRetention = options.InboxRetention;
                target.BeforePublish = options.BeforePublish;
                foreach (var column in options.Columns) target.Columns.Add(column);
            });
            repository.TryAddSingleton(TimeProvider.System);
            repository.AddSingleton<SagaOutboxPublisher<TSaga>>();
            repository.AddSingleton<SagaOutboxDispatcher<TSaga>>();
            repository.AddHostedService(provider => provider.GetRequiredService<SagaOutboxDispatcher<TSaga>>());
            repository.RegisterLoadSagaRepository<TSaga, DatabaseSagaRepositoryContextFactory<TSaga>>();
            repository.RegisterQuerySagaRepository<TSaga, DatabaseSagaRepositoryContextFactory<TSaga>>();
            repository.RegisterSagaRepository<TSaga, SagaSession<TSaga>,
                SagaConsumeContextFactory<SagaSession<TSaga>, TSaga>, DatabaseSagaRepositoryContextFactory<TSaga>>();
        });
        return configurator;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
