using System.CommandLine;
using ThreeRC.Api.V1;
using ThreeRC.Cli.Connection;
using ThreeRC.Cli.Output;

namespace ThreeRC.Cli.Commands;

public static class ShowCommand
{
    private static readonly Argument<string> Id = new("id") { Description = "The incident's id, as threerc recoveries prints it" };

    public static Command Create() =>
        new Command("show", "One incident's timeline: its steps and every event of it.") { Id }.WithApiAction(RunAsync);

    private static async Task RunAsync(ApiSession api, Printer printer, ParseResult parsed, CancellationToken cancellationToken)
    {
        var recovery = await api.Recoveries.GetRecoveryAsync(new GetRecoveryRequest { Id = parsed.GetValue(Id) }, ApiSession.Unary(cancellationToken));
        if (printer.Json)
        {
            printer.Write(recovery);
            return;
        }

        printer.Write(Tables.Facts($"Incident {recovery.Id}", Facts(recovery)));

        var steps = Tables.Create("Steps", "STEP", "HOST", "STARTED", "ENDED", "TOOK", "DETAIL");
        foreach (var step in recovery.Steps)
            steps.AddText(
                Show.Word(step.Step),
                Show.Text(step.HostName),
                Show.Time(step.StartedAt),
                Show.Time(step.EndedAt),
                step.EndedAt is null ? Show.None : Show.Span(step.EndedAt.ToDateTimeOffset() - step.StartedAt.ToDateTimeOffset()),
                step.Detail);
        printer.Write(steps);

        var events = Tables.Create("Events", "TIME", "KIND", "HOST", "WHAT HAPPENED");
        foreach (var timelineEvent in recovery.Events)
            events.AddText(Show.Time(timelineEvent.OccurredAt), timelineEvent.Kind, Show.Text(timelineEvent.HostName), timelineEvent.Summary);
        printer.Write(events);
    }

    private static IEnumerable<(string Name, string Value)> Facts(Recovery recovery) =>
    [
        ("VM", recovery.VmName),
        ("State", Show.Word(recovery.State)),
        ("Start level", Show.Word(recovery.StartLevel)),
        ("Trigger", Show.Text(recovery.Trigger)),
        ("Last heard", Show.Time(recovery.LastHeardAt)),
        ("Started", Show.Time(recovery.StartedAt)),
        ("Completed", Show.Time(recovery.CompletedAt)),
        ("Time to recover", Show.Span(recovery.TimeToRecover)),
        ("Reason", Show.Text(recovery.Reason)),
    ];
}
