using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ThreeRC.Persistence;

/// <summary>Registers a service's database.</summary>
public static class PersistenceExtensions
{
    /// <summary>
    /// Adds <typeparamref name="TDatabase"/> as a singleton, binds <c>Storage</c>, and migrates the schema when
    /// the host starts so that a database it cannot use stops the service at once.
    /// </summary>
    public static IServiceCollection AddServiceDatabase<TDatabase>(this IServiceCollection services)
        where TDatabase : ServiceDatabase
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .Validate(options => options.Provider != StorageProvider.Sqlite || !string.IsNullOrWhiteSpace(options.DataDirectory),
                "Storage:DataDirectory: required with Storage:Provider Sqlite")
            .Validate(options => options.Provider != StorageProvider.PostgreSql || !string.IsNullOrWhiteSpace(options.ConnectionString),
                "Storage:ConnectionString: required with Storage:Provider PostgreSql (an Npgsql connection string)")
            .ValidateOnStart();
        services.AddSingleton<TDatabase>();
        services.AddHostedService<DatabaseMigration<TDatabase>>();
        return services;
    }

    private sealed class DatabaseMigration<TDatabase>(TDatabase database) : IHostedService
        where TDatabase : ServiceDatabase
    {
        public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
