namespace ThreeRC.Contracts.Monitoring;

/// <summary>
/// What a monitor last announced of every host it has judged, repeated every <c>Monitor:StateReportInterval</c>: a
/// reader that started after the announcements (a new Api, its queue made after the monitor's first poll) learns
/// the state of the hosts that never changed since. Not a transition: nothing acts on it but read models.
/// </summary>
/// <param name="ReportedAt">When the monitor took it.</param>
/// <param name="Hosts">Each judged host.</param>
public record HostStatesReported(DateTimeOffset ReportedAt, IReadOnlyList<HostStateReport> Hosts);

/// <param name="Name">The inventory name.</param>
/// <param name="Kind">Physical or virtual.</param>
/// <param name="Responsive">What the monitor last announced: responsive, or not.</param>
/// <param name="Since">Since when the monitor has held that (at the latest its first judgement after it started).</param>
/// <param name="LastHeardAt">When Ganglia last heard from it, if ever.</param>
/// <param name="Source">The Ganglia source (or UDP) that last heard it.</param>
public record HostStateReport(string Name, HostKind Kind, bool Responsive, DateTimeOffset Since, DateTimeOffset? LastHeardAt, string? Source);
