using ThreeRC.Api.Extensions;
using ThreeRC.ServiceDefaults;
using ThreeRC.ServiceDefaults.Hosting;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults(modules => modules.AddApi());

var app = builder.Build();
return await app.RunServiceAsync();
