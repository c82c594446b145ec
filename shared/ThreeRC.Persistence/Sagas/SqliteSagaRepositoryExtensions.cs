using System.Text.RegularExpressions;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ThreeRC.Persistence.Sagas.Outbox;

namespace ThreeRC.Persistence.Sagas;

/// <summary>Registers the SQLite saga repository for a saga.</summary>
public static partial class SqliteSagaRepositoryExtensions
{
    /// <summary>
    /// Stores the saga's instances in a SQLite table, with optimistic concurrency on <see cref="ISagaVersion"/>, an inbox
    /// that drops a message handled before, and a transactional outbox for what the saga publishes
    /// (<c>PublishWithState</c>).
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> SqliteRepository<TSaga>(
        this ISagaRegistrationConfigurator<TSaga> configurator,
        Action<SqliteSagaOptions<TSaga>> configure)
        where TSaga : class, ISaga, ISagaVersion
    {
        var options = new SqliteSagaOptions<TSaga>();
        configure(options);
        if (!Identifier().IsMatch(options.Table) || options.Columns.Any(column => !Identifier().IsMatch(column.Name)))
            throw new ArgumentException($"the {typeof(TSaga).Name} repository needs a table and columns named as SQL identifiers");
        if (options.Database is null) throw new ArgumentException($"the {typeof(TSaga).Name} repository needs a database");

        configurator.Repository(repository =>
        {
            repository.AddOptions<SqliteSagaOptions<TSaga>>().Configure(target =>
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
            repository.RegisterLoadSagaRepository<TSaga, SqliteSagaRepositoryContextFactory<TSaga>>();
            repository.RegisterQuerySagaRepository<TSaga, SqliteSagaRepositoryContextFactory<TSaga>>();
            repository.RegisterSagaRepository<TSaga, SqliteSagaSession<TSaga>,
                SagaConsumeContextFactory<SqliteSagaSession<TSaga>, TSaga>, SqliteSagaRepositoryContextFactory<TSaga>>();
        });
        return configurator;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
