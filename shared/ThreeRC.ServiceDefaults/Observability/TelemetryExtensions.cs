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
    /// Metrics, always: ThreeRC's own (meter <see cref="ThreeRcMeter.Name"/>), MassTransit's, ASP.NET Core's and the
    /// runtime's, served for Prometheus at <c>/metrics</c>. With OTEL_EXPORTER_OTLP_ENDPOINT set, also traces
    /// (MassTransit, ASP.NET Core, HTTP clients), and all three signals exported over OTLP under the service's name
    /// (<c>service.name</c> ThreeRC.Monitor, …; <c>service.instance.id</c> from <c>Bus:InstanceName</c>). Without a
    /// collector no trace is recorded: every message would otherwise pay for traces no one reads.
    /// </summary>
    public static void AddThreeRcTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName, serviceInstanceId: builder.Configuration["Bus:InstanceName"]))
            .WithMetrics(metrics => metrics
                .AddMeter(ThreeRcMeter.Name, InstrumentationOptions.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return;
        telemetry
            .WithLogging(configureBuilder: null, configureOptions: otel => otel.IncludeScopes = true)
            .WithTracing(tracing => tracing
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
    }
}
