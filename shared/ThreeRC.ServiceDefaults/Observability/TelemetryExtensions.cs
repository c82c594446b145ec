using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ThreeRC.ServiceDefaults.Observability;

internal static class TelemetryExtensions
{
    /// <summary>
    /// Console logs one line per entry with a UTC timestamp: plain text, or a JSON object per line when
    /// <c>Logging:Console:FormatterName</c> is <c>json</c> (for a log shipper).
    /// </summary>
    public static void AddThreeRcLogging(this IHostApplicationBuilder builder)
    {
        if (string.Equals(builder.Configuration["Logging:Console:FormatterName"], ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(console =>
            {
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                console.UseUtcTimestamp = true;
            });
            return;
        }

        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fff ";
            console.UseUtcTimestamp = true;
        });
    }

    /// <summary>
    /// Traces MassTransit, ASP.NET Core and HTTP clients, with metrics and logs, and exports them over OTLP under the
    /// service's name (<c>service.name</c> ThreeRC.Monitor, ThreeRC.Orchestrator, …), when OTEL_EXPORTER_OTLP_ENDPOINT
    /// is set. Without a collector nothing is recorded: every message would otherwise pay for traces no one reads.
    /// </summary>
    public static void AddThreeRcTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName, serviceInstanceId: builder.Configuration["Bus:InstanceName"]))
            .WithLogging(configureBuilder: null, configureOptions: otel => otel.IncludeScopes = true)
            .WithTracing(tracing => tracing
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(InstrumentationOptions.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation())
            .UseOtlpExporter();
    }
}
