namespace ThreeRC.Monitor.Ganglia;

/// <summary>One HOST element of a Ganglia document.</summary>
/// <param name="Name">Its NAME: the host name Ganglia reports it under.</param>
/// <param name="SecondsSinceHeard">TN: how many seconds ago its gmond last heard from it.</param>
/// <param name="Tmax">TMAX: the longest gap between its heartbeats, in seconds (20 for gmond's hosts).</param>
/// <param name="Load">The load metrics it reported, those the monitor passes on.</param>
internal sealed record GangliaHost(string Name, int SecondsSinceHeard, int Tmax, GangliaLoad Load);
