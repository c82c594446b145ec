using Microsoft.AspNetCore.Builder;

namespace ThreeRC.ServiceDefaults.Hosting;

/// <summary>Creates the builder every ThreeRC host starts from.</summary>
public static class ServiceHost
{
    /// <summary>
    /// A web application builder whose appsettings.json is read from beside the binary, whatever the working
    /// directory; relative paths in the configuration (the inventory, the data folder) stay relative to the
    /// working directory.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
}
