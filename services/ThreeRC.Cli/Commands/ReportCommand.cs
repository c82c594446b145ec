using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ThreeRC.Api.V1;
using ThreeRC.Cli.Connection;
using ThreeRC.Cli.Output;

namespace ThreeRC.Cli.Commands;

public static class ReportCommand
{
    private static readonly Option<string> From = new("--from")
    {
        Description = "The start of the window: a time, or an age such as 7d",
        DefaultValueFactory = _ => "7d",
        HelpName = "time|age",
    };

    private static readonly Option<string> To = new("--to") { Description = "The end of the window: a time, or an age [default: now]", HelpName = "time|age" };

    private static readonly Option<string[]> Vms = new("--vm") { Description = "Only this VM (repeat for more)", HelpName = "name" };

    public static Command Create() =>
        new Command("report", "Availability per VM over a window: incidents, downtime, median and worst time to recover.") { From, To, Vms }
            .WithApiAction(RunAsync);

    private static async Task RunAsync(ApiSession api, Printer printer, ParseResult parsed, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var request = new AvailabilityReportRequest
        {
            WindowStart = TimeInput.Parse(parsed.GetValue(From)!, "--from", now).ToTimestamp(),
            WindowEnd = parsed.GetValue(To) is { } to ? TimeInput.Parse(to, "--to", now).ToTimestamp() : null,
            VmNames = { parsed.GetValue(Vms) ?? [] },
        };
        var report = await api.Reports.GetAvailabilityReportAsync(request, ApiSession.Unary(cancellationToken));
        if (printer.Json)
        {
            printer.Write(report);
            return;
        }

        var table = Tables.Create($"Availability from {Show.Time(report.WindowStart)} to {Show.Time(report.WindowEnd)}",
            "VM", "INCIDENTS", "RECOVERED", "FAILED", "OPEN", "DOWNTIME", "MEDIAN TTR", "WORST TTR", "AVAILABILITY");
        foreach (var vm in report.Vms)
            table.AddText(
                vm.VmName,
                Count(vm.Incidents),
                Count(vm.Recovered),
                Count(vm.Failed),
                Count(vm.Open),
                Show.Span(vm.Downtime),
                Show.Span(vm.MedianTimeToRecover),
                Show.Span(vm.WorstTimeToRecover),
                string.Create(CultureInfo.InvariantCulture, $"{vm.AvailabilityPercent:0.000}%"));
        printer.Write(table);
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
