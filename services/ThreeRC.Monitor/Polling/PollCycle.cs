using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Monitor.Detection;
using ThreeRC.Monitor.Ganglia;
using ThreeRC.Monitor.Options;
using ThreeRC.Monitor.Sources;
using ThreeRC.ServiceDefaults.Messaging;

namespace ThreeRC.Monitor.Polling;

/// <summary>
/// One poll: read every source at once, announce the sources that failed or came back, judge every host of the
/// inventory and publish its transitions, then the load. A status changes only once its message is published, so a
/// message the bus refused, or did not confirm in time, is published again at the next poll. When no source answers,
/// no host is judged. Every <c>StateReportInterval</c> it also publishes what it last announced of every host. Between polls, the hosts heard on UDP are judged again on the last reports (<see cref="JudgeAgainAsync"/>).
/// </summary>
internal sealed class PollCycle(
    IGangliaReader reader,
    SourceBoard sources,
    HostBoard hosts,
    DownConfirmation confirmation,
    IBus bus,
    IOptions<MonitorOptions> options,
    TimeProvider time,
    ILogger<PollCycle> logger)
{
    private List<SourceReport> _answered = [];
    private DateTimeOffset _statesReportedAt = DateTimeOffset.MinValue;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reports = await Task.WhenAll(sources.Sources.Select(source => ReadAsync(source, cancellationToken)));
        sources.Observe(reports);
        foreach (var (source, answering, message) in sources.Unannounced().ToList())
        {
            await bus.Publish(message, cancellationToken).WithinPublishLimit(cancellationToken);
            sources.Announced(source, answering);
        }

        _answered = reports.Where(report => report.Answered).ToList();
        if (await JudgeAsync(cancellationToken) is { } poll && HostEvents.Load(poll.Hosts, time.GetUtcNow()) is { } load)
            await bus.Publish(load, cancellationToken).WithinPublishLimit(cancellationToken);
        await ReportStatesAsync(cancellationToken);
    }

    private async Task ReportStatesAsync(CancellationToken cancellationToken)
    {
        var (now, interval) = (time.GetUtcNow(), options.Value.StateReportInterval);
        if (interval <= TimeSpan.Zero || now - _statesReportedAt < interval || hosts.States() is not { Count: > 0 } states) return;
        await bus.Publish(new HostStatesReported(now, states), cancellationToken).WithinPublishLimit(cancellationToken);
        _statesReportedAt = now;
    }

    /// <summary>Judges every host again on the last poll's reports and what UDP heard since; nothing while no source answered.</summary>
    public Task JudgeAgainAsync(CancellationToken cancellationToken) => JudgeAsync(cancellationToken);

    private async Task<PollJudgement?> JudgeAsync(CancellationToken cancellationToken)
    {
        if (_answered.Count == 0) return null;
        var now = time.GetUtcNow();
        var poll = hosts.Judge(_answered, sources.AllAnsweringSince, now);
        await AnnounceRecoveriesAsync(poll.Hosts, now, cancellationToken);
        await AnnounceSilencesAsync(poll, now, cancellationToken);
        return poll;
    }

    private async Task<SourceReport> ReadAsync(GangliaSource source, CancellationToken cancellationToken)
    {
        try
        {
            var document = await reader.ReadAsync(source, cancellationToken);
            return new SourceReport(source, time.GetUtcNow(), document, null);
        }
        catch (GangliaSourceException e)
        {
            return new SourceReport(source, time.GetUtcNow(), null, e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Reading Ganglia source {Source} failed unexpectedly", source);
            return new SourceReport(source, time.GetUtcNow(), null, $"failed unexpectedly: {e.Message}");
        }
    }

    private async Task AnnounceRecoveriesAsync(IReadOnlyList<HostJudgement> judgements, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var judgement in judgements.Where(judgement => judgement.IsResponsive))
        {
            // At its first judgement after a start the monitor does not know what it said before it stopped: a VM whose
            // incident opened meanwhile is told to be back, or its incident would escalate to a reinstall nobody wanted.
            if (hosts.StatusOf(judgement.Host) is HostStatus.Unresponsive or HostStatus.Unknown || hosts.HeardSinceIncident(judgement))
            {
                await bus.Publish(HostEvents.Responsive(judgement, now), cancellationToken).WithinPublishLimit(cancellationToken);
                logger.LogInformation("Host {Host} ({Kind}) reports to Ganglia again (source {Source})",
                    judgement.Host.Name, judgement.Host.Kind, judgement.Sighting!.Source);
                hosts.Announced(judgement.Host);
            }

            hosts.Record(judgement.Host, HostStatus.Responsive, now);
        }
    }

    private async Task AnnounceSilencesAsync(PollJudgement poll, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var silent = poll.Hosts.Where(judgement => !judgement.IsResponsive && hosts.StatusOf(judgement.Host) != HostStatus.Unresponsive).ToList();
        var allSources = string.Join(", ", sources.Sources);
        foreach (var judgement in await confirmation.ConfirmAsync(silent, cancellationToken))
        {
            var message = HostEvents.Unresponsive(judgement, now, allSources, poll.QuietPhysicalHosts);
            await bus.Publish(message, cancellationToken).WithinPublishLimit(cancellationToken);
            logger.LogWarning("Host {Host} ({Kind}, Ganglia name {GangliaHost}) is unresponsive: {Reason} (source {Source})",
                message.Name, message.Kind, message.GangliaHost, message.Reason, message.Source);
            if (message.QuietPhysicalHosts.Count > 1)
                logger.LogWarning("{Count} physical hosts are quiet at once ({QuietPhysicalHosts}): has the monitor or Ganglia lost its network?",
                    message.QuietPhysicalHosts.Count, string.Join(", ", message.QuietPhysicalHosts));
            hosts.Record(judgement.Host, HostStatus.Unresponsive, now);
        }
    }
}
