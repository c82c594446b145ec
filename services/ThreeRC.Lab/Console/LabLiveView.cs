using Spectre.Console;
using ThreeRC.Lab.Progress;
using ThreeRC.Lab.Reporting;
using ThreeRC.Lab.Simulation;

namespace ThreeRC.Lab.Console;

/// <summary>
/// What the newcomer watches: a table of the open incidents (what crashed, since when, what the orchestrator is
/// doing), refreshed in place. When the console is not interactive, one line per crash and per recovery instead. It
/// shows the injection until its end, then the incidents still open until they end or the settling time is over.
/// </summary>
public sealed class LabLiveView(LabJournal journal, RecoveryBoard board, DataCentre dataCentre, TimeProvider time)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);

    public async Task ShowUntilAsync(DateTimeOffset end, DateTimeOffset settled, CancellationToken cancellationToken)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive)
            await AnsiConsole.Live(Render(end, settled)).StartAsync(async live =>
            {
                while (Showing(end, settled) && !cancellationToken.IsCancellationRequested)
                {
                    live.UpdateTarget(Render(end, settled));
                    await Wait(cancellationToken);
                }
            });
        else
            await PrintLinesUntil(end, settled, cancellationToken);
    }

    /// <summary>While crashes are injected, then while an incident is open and the settling time is not over.</summary>
    private bool Showing(DateTimeOffset end, DateTimeOffset settled)
    {
        var now = time.GetUtcNow();
        return now < end || (now < settled && OpenIncidents > 0);
    }

    private int OpenIncidents => journal.Records().Count(record => record.RecoveredAt is null);

    private string Left(DateTimeOffset end, DateTimeOffset settled)
    {
        var now = time.GetUtcNow();
        return now < end
            ? $"{(end - now).TotalSeconds:0} s left"
            : $"no more crashes; waiting up to {Math.Max(0, (settled - now).TotalSeconds):0} s for {OpenIncidents} open incidents";
    }

    private Table Render(DateTimeOffset end, DateTimeOffset settled)
    {
        var now = time.GetUtcNow();
        var records = journal.Records();
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"ThreeRC lab: {records.Count} crashes injected, {records.Count(r => r.RecoveredAt is not null)} recovered, " +
                   $"{board.Count(Contracts.Recovery.RecoveryOutcome.Failed)} failed, {dataCentre.SafetyViolations} double starts; {Left(end, settled)}")
            .AddColumn("crashed").AddColumn("kind").AddColumn("down for").AddColumn("the orchestrator is");
        foreach (var record in records.Where(r => r.RecoveredAt is null))
            table.AddRow(record.Target, record.Kind.ToString(), $"{(now - record.CrashedAt).TotalSeconds:0} s", Markup.Escape(Doing(record)));
        foreach (var record in records.Where(r => r.RecoveredAt is not null).TakeLast(5))
            table.AddRow($"[grey]{record.Target}[/]", $"[grey]{record.Kind}[/]", $"[green]back after {record.TimeToRecover!.Value.TotalSeconds:0.0} s[/]", "");
        return table;
    }

    private string Doing(IncidentRecord record)
    {
        var vm = record.Kind == CrashKind.HostPowerLoss ? null : record.Target;
        var step = vm is null ? null : board.StepOf(vm);
        return step is null ? "(detecting)" : $"{step.Step} {step.HostName}".Trim();
    }

    private async Task PrintLinesUntil(DateTimeOffset end, DateTimeOffset settled, CancellationToken cancellationToken)
    {
        var printed = new HashSet<(string, DateTimeOffset, bool)>();
        var injecting = true;
        while (Showing(end, settled) && !cancellationToken.IsCancellationRequested)
        {
            if (injecting && time.GetUtcNow() >= end)
            {
                injecting = false;
                System.Console.WriteLine($"{time.GetUtcNow():HH:mm:ss} {Left(end, settled)}");
            }

            foreach (var record in journal.Records())
            {
                if (printed.Add((record.Target, record.CrashedAt, false)))
                    System.Console.WriteLine($"{record.CrashedAt:HH:mm:ss} crash   {record.Target,-8} {record.Kind}");
                if (record.RecoveredAt is { } back && printed.Add((record.Target, record.CrashedAt, true)))
                    System.Console.WriteLine($"{back:HH:mm:ss} back    {record.Target,-8} {record.Kind} after {record.TimeToRecover!.Value.TotalSeconds:0.0} s");
            }

            await Wait(cancellationToken);
        }
    }

    private Task Wait(CancellationToken cancellationToken) =>
        Task.Delay(Refresh, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
}
