using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ThreeRC.ServiceDefaults.Hosting;

/// <summary>Runs a host and turns invalid configuration into a readable message and exit code 1.</summary>
public static class ServiceRunner
{
    /// <summary>
    /// Maps the default endpoints and runs <paramref name="app"/> until it stops; 0 on a clean stop, 1 when its
    /// configuration (options or inventory) is invalid, whether that shows while mapping endpoints, validating or
    /// starting. The options are validated before the host starts: a host that fails to start logs a stack trace first.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app)
    {
        try
        {
            app.MapDefaultEndpoints();
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (Failures(e) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync($"{AppDomain.CurrentDomain.FriendlyName} did not start: its configuration is invalid.");
            foreach (var failure in failures) await Console.Error.WriteLineAsync(failure);
            return 1;
        }
    }

    /// <summary>What options validation found wrong; several options' findings arrive together.</summary>
    private static List<string> Failures(Exception e) => e switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException all when all.InnerExceptions.All(inner => inner is OptionsValidationException) =>
            [.. all.InnerExceptions.SelectMany(inner => ((OptionsValidationException)inner).Failures)],
        _ => [],
    };
}
