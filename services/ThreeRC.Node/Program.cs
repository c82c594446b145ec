using ThreeRC.Api.Extensions;
using ThreeRC.HypervisorExecutor.Extensions;
using ThreeRC.Monitor.Extensions;
using ThreeRC.Orchestrator.Extensions;
using ThreeRC.Placement.Extensions;
using ThreeRC.PxeProvisioner.Extensions;
using ThreeRC.ServiceDefaults;
using ThreeRC.ServiceDefaults.Hosting;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults(modules => modules
    .AddMonitor()
    .AddOrchestrator()
    .AddPlacement()
    .AddHypervisorExecutor()
    .AddPxeProvisioner()
    .AddApi());

var app = builder.Build();
return await app.RunServiceAsync();
