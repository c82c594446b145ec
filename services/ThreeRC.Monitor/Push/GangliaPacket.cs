namespace ThreeRC.Monitor.Push;

/// <summary>
/// What the monitor takes from one Ganglia 3.1+ packet (gm_protocol.x): who sent it and which metric it is about.
/// </summary>
/// <param name="Host">The host the packet speaks for: the sender's own name, or for a spoofed packet the name after "IP:".</param>
/// <param name="Metric">The metric's name ("heartbeat" for gmond's heartbeat and <c>gmetric --heartbeat</c>).</param>
/// <param name="IsValue">A value message (ids 129-135), not metadata (128) or a metadata request (136).</param>
/// <param name="Uint">The value of an unsigned int message (id 132): for gmond's heartbeat, the time its gmond started.
/// gmetric sends every value as a string, so its packets have none.</param>
internal sealed record GangliaPacket(string Host, string Metric, bool IsValue, uint? Uint = null)
{
    public bool IsHeartbeat => IsValue && Metric == "heartbeat";
}
