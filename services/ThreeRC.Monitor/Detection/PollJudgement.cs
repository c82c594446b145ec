namespace ThreeRC.Monitor.Detection;

/// <summary>What one poll says of the hosts it could judge, and which physical hosts it found quiet.</summary>
/// <param name="Hosts">A judgement per host that was listed, or missing for long enough to be judged.</param>
/// <param name="QuietPhysicalHosts">The physical hosts unheard for at least half their limit, in inventory order.</param>
internal sealed record PollJudgement(IReadOnlyList<HostJudgement> Hosts, IReadOnlyList<string> QuietPhysicalHosts);
