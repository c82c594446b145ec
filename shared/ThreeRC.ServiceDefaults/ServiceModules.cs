using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ThreeRC.ServiceDefaults;

/// <summary>
/// The service modules one host runs. A module registers its services and its consumers here; the bus is
/// configured once, after every module has been added, so that one process can run one module or all of them.
/// </summary>
public sealed class ServiceModules(IHostApplicationBuilder builder)
{
    private readonly List<Action<IBusRegistrationConfigurator>> _busRegistrations = [];

    /// <summary>The host being built.</summary>
    public IHostApplicationBuilder Builder => builder;

    /// <summary>The host's services.</summary>
    public IServiceCollection Services => builder.Services;

    /// <summary>The host's configuration.</summary>
    public IConfiguration Configuration => builder.Configuration;

    /// <summary>Adds the module's consumers, sagas and request clients to the bus.</summary>
    public ServiceModules AddToBus(Action<IBusRegistrationConfigurator> register)
    {
        _busRegistrations.Add(register);
        return this;
    }

    /// <summary>Adds the module's HTTP or gRPC endpoints; <c>MapDefaultEndpoints</c> maps them with the health endpoints.</summary>
    public ServiceModules MapEndpoints(Action<IEndpointRouteBuilder> map)
    {
        builder.Services.AddSingleton(new EndpointMapping(map));
        return this;
    }

    internal void RegisterOnBus(IBusRegistrationConfigurator bus)
    {
        foreach (var register in _busRegistrations) register(bus);
    }
}
