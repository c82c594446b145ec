using MassTransit;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Persistence;
using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Api.Consumers.Monitoring;

/// <summary>
/// A monitor's repeated state of every host: fills in the hosts and VMs whose announcement came before this Api's
/// queue existed. A state the read model learnt later from an event is kept (the store keeps the newer one).
/// </summary>
public sealed class HostStatesReportedConsumer(MonitorStateStore states, EventJournal journal) : IConsumer<HostStatesReported>
{
    public async Task Consume(ConsumeContext<HostStatesReported> context)
    {
        var message = context.Message;
        await states.SetAllAsync(message.Hosts.Select(host => (host.Kind, new MonitorState
        {
            Name = host.Name,
            State = host.Responsive ? MonitorStatus.Up : MonitorStatus.Down,
            StateSince = host.Since,
            LastHeardAt = host.LastHeardAt,
            Reason = host.Responsive ? $"reports to {host.Source}" : "silent, as the monitor last said",
        })), context.CancellationToken);
        await journal.RecordAsync(context, new EventFacts(message.ReportedAt,
            $"state report: {message.Hosts.Count(host => host.Responsive)} of {message.Hosts.Count} hosts and VMs responsive"));
    }
}
