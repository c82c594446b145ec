using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreeRC.ServiceDefaults.Rehearsal;

namespace ThreeRC.ServiceDefaults;

/// <summary>
/// The service modules one host runs. A module registers its services and its consumers here; the bus is
/// configured once, after every module has been added, so that one process can run one module or all of them.
/// </summary>
public sealed class ServiceModules(IHostApplicationBuilder builder)
{
    private readonly List<(Action<IBusRegistrationConfigurator> Register, IRehearsal? Rehearsal)> _busParts = [];

    /// <summary>The host being built.</summary>
    public IHostApplicationBuilder Builder => builder;

    /// <summary>The host's services.</summary>
    public IServiceCollection Services => builder.Services;

    /// <summary>The host's configuration.</summary>
    public IConfiguration Configuration => builder.Configuration;

    /// <summary>
    /// Adds the module's consumers, sagas and request clients to the bus; <paramref name="rehearsal"/>, if given,
    /// plays them once at start on a private bus of their own (<see cref="RehearsalStage"/>).
    /// </summary>
    public ServiceModules AddToBus(Action<IBusRegistrationConfigurator> register, IRehearsal? rehearsal = null)
    {
        _busParts.Add((register, rehearsal));
        return this;
    }

    /// <summary>Adds the module's HTTP or gRPC endpoints; <c>MapDefaultEndpoints</c> maps them with the health endpoints.</summary>
    public ServiceModules MapEndpoints(Action<IEndpointRouteBuilder> map)
    {
        builder.Services.AddSingleton(new EndpointMapping(map));
        return this;
    }

    internal IReadOnlyList<(int Part, IRehearsal Rehearsal)> Rehearsals =>
        _busParts.Select((part, index) => (index, part.Rehearsal)).Where(part => part.Rehearsal is not null).Select(part => (part.index, part.Rehearsal!)).ToList();

    internal void RegisterOnBus(IBusRegistrationConfigurator bus)
    {
        foreach (var (register, _) in _busParts) register(bus);
    }

    internal void RegisterPartOnBus(int part, IBusRegistrationConfigurator bus) => _busParts[part].Register(bus);
}
