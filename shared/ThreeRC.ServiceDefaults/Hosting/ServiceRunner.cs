using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace ThreeRC.ServiceDefaults.Hosting;

/// <summary>Runs a host and turns invalid configuration into a readable message and exit code 1.</summary>
public static class ServiceRunner
{
    /// <summary>
    /// Maps the default endpoints and runs <paramref name="app"/> until it stops; 0 on a clean stop, 1 when its
    /// configuration (options or inventory) is invalid, whether that shows while mapping endpoints or while starting.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app)
    {
        try
        {
            app.MapDefaultEndpoints();
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"{AppDomain.CurrentDomain.FriendlyName} did not start: its configuration is invalid.");
            foreach (var failure in e.Failures) await Console.Error.WriteLineAsync(failure);
            return 1;
        }
    }
}
