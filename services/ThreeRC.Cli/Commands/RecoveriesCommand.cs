using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using ThreeRC.Api.V1;
using ThreeRC.Cli.Connection;
using ThreeRC.Cli.Output;

namespace ThreeRC.Cli.Commands;

public static class RecoveriesCommand
{
    private static readonly Option<string> Vm = new("--vm") { Description = "Only this VM's incidents", HelpName = "name" };

    private static readonly Option<string> State = new Option<string>("--state") { Description = "Only incidents in this state" }
        .AcceptOnlyFromAmong("open", "recovered", "failed", "cancelled");

    private static readonly Option<string> Since = new("--since") { Description = "Only incidents started since: a time, or an age such as 7d", HelpName = "time|age" };

    private static readonly Option<string> Before = new("--before") { Description = "Only incidents started before: a time, or an age", HelpName = "time|age" };

    private static readonly Option<int> Limit = new("--limit") { Description = "Incidents per page (1 to 500)", DefaultValueFactory = _ => 50 };

    private static readonly Option<string> PageToken = new("--page-token") { Description = "The page after the one that printed this token", HelpName = "token" };

    public static Command Create() =>
        new Command("recoveries", "The incidents, newest first.") { Vm, State, Since, Before, Limit, PageToken }.WithApiAction(RunAsync);

    private static async Task RunAsync(ApiSession api, Printer printer, ParseResult parsed, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var request = new ListRecoveriesRequest
        {
            VmName = parsed.GetValue(Vm) ?? "",
            State = parsed.GetValue(State) switch
            {
                "open" => RecoveryState.Open,
                "recovered" => RecoveryState.Recovered,
                "failed" => RecoveryState.Failed,
                "cancelled" => RecoveryState.Cancelled,
                _ => RecoveryState.Unspecified,
            },
            StartedAfter = parsed.GetValue(Since) is { } since ? TimeInput.Parse(since, "--since", now).ToTimestamp() : null,
            StartedBefore = parsed.GetValue(Before) is { } before ? TimeInput.Parse(before, "--before", now).ToTimestamp() : null,
            PageSize = parsed.GetValue(Limit),
            PageToken = parsed.GetValue(PageToken) ?? "",
        };
        var page = await api.Recoveries.ListRecoveriesAsync(request, ApiSession.Unary(cancellationToken));
        if (printer.Json)
        {
            printer.Write(page);
            return;
        }

        var table = Tables.Create("Incidents", "ID", "VM", "STATE", "STEP", "LAST HEARD", "STARTED", "TIME TO RECOVER", "TRIGGER");
        foreach (var recovery in page.Recoveries)
            table.AddText(
                recovery.Id,
                recovery.VmName,
                Show.Word(recovery.State),
                Show.Step(recovery.CurrentStep),
                Show.Time(recovery.LastHeardAt),
                Show.Time(recovery.StartedAt),
                Show.Span(recovery.TimeToRecover),
                Show.Text(recovery.Trigger));
        printer.Write(table);
        if (page.NextPageToken.Length > 0)
            await Console.Error.WriteLineAsync($"More: add --page-token {page.NextPageToken}");
    }
}
