using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.ServiceDefaults;

namespace ThreeRC.Testing;

/// <summary>
/// A ThreeRC host built inside the test process, as a service's Program.cs builds it (service defaults, inventory,
/// bus), with the modules a test picks and only the configuration the test gives. Its consumers of
/// <see cref="MessageLog"/> record what arrives. Stopped on dispose.
/// </summary>
public sealed class ModuleHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ModuleHost(IHost host)
    {
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    public MessageLog Messages => Services.GetRequiredService<MessageLog>();

    /// <param name="configuration">Every configuration key the host sees (no appsettings.json is read).</param>
    /// <param name="addModules">The modules, as Program.cs adds them.</param>
    /// <param name="logged">The message types to record in <see cref="Messages"/>.</param>
    /// <param name="configure">Anything more, such as fake logging.</param>
    public static async Task<ModuleHost> StartAsync(
        IReadOnlyDictionary<string, string?> configuration,
        Action<ServiceModules> addModules,
        IEnumerable<Type>? logged = null,
        Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton<MessageLog>();
        configure?.Invoke(builder);
        builder.AddServiceDefaults(modules =>
        {
            addModules(modules);
            modules.AddToBus(bus =>
            {
                foreach (var type in logged ?? []) bus.AddConsumer(typeof(MessageLogConsumer<>).MakeGenericType(type));
            });
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ModuleHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
