using ThreeRC.Api.Feed;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Recovery;

namespace ThreeRC.Api.Notifications;

/// <summary>What operators are told: an incident that failed, a host that could not be fenced, the brake, a lost source.</summary>
/// <param name="Kind">recovery-failed, fencing-alert, fencing-halted or monitor-source-lost.</param>
/// <param name="Subject">One line, the e-mail's subject.</param>
/// <param name="Text">What happened and what to do.</param>
public sealed record Notice(string Kind, string Subject, string Text, string? VmName, string? HostName, Guid? RecoveryId, DateTimeOffset OccurredAt)
{
    /// <summary>The notice an event calls for, or null.</summary>
    public static Notice? For(object message, EventFacts facts) => message switch
    {
        RecoveryCompleted { Outcome: RecoveryOutcome.Failed } failed => Of("recovery-failed", facts,
            $"ThreeRC: the recovery of {failed.VmName} failed",
            $"{facts.Summary}\nAn operator is needed: threerc show {failed.RecoveryId}"),
        FencingAlert alert => Of("fencing-alert", facts,
            $"ThreeRC: {alert.HostName} could not be fenced; {alert.VmName} stays down",
            $"{facts.Summary}\nThreeRC will not start {alert.VmName} elsewhere while {alert.HostName} may still run it. " +
            $"Power {alert.HostName} off by hand, then: threerc recover {alert.VmName} --level restart --reason \"...\""),
        FencingHalted halted => Of("fencing-halted", facts,
            $"ThreeRC: fencing halted, {halted.SilentHosts.Count} of {halted.PhysicalHosts} physical hosts silent",
            facts.Summary),
        MonitorSourceUnavailable lost => Of("monitor-source-lost", facts,
            $"ThreeRC: Ganglia source {lost.Source} cannot be read",
            $"{facts.Summary}\nNo host is declared down for it; when every source is lost the monitor is blind (its /health says Unhealthy)."),
        _ => null,
    };

    private static Notice Of(string kind, EventFacts facts, string subject, string text) =>
        new(kind, subject, text, facts.VmName, facts.HostName, facts.RecoveryId, facts.OccurredAt);
}
