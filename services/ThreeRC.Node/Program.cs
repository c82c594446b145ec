using ThreeRC.Api.Extensions;
using ThreeRC.HypervisorExecutor.Extensions;
using ThreeRC.Monitor.Extensions;
using ThreeRC.Node.Lab;
using ThreeRC.Orchestrator.Extensions;
using ThreeRC.Placement.Extensions;
using ThreeRC.PxeProvisioner.Extensions;
using ThreeRC.ServiceDefaults;
using ThreeRC.ServiceDefaults.Hosting;

if (args is ["lab", .. var labArguments]) return await LabCommand.InvokeAsync(labArguments);

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
