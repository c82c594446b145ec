namespace ThreeRC.Inventory.Model;

/// <summary>When the monitor calls a host unresponsive.</summary>
/// <param name="TmaxFactor">Unresponsive when TN &gt; factor × TMAX (gmetad and the Ganglia web front-end use 4).</param>
/// <param name="AbsoluteLimit">Or when TN exceeds this limit, when set.</param>
/// <param name="ConfirmWithProbe">Whether a TCP connect to a physical host's SSH port must also fail before it is declared down (VMs are not probed).</param>
/// <param name="ProbeTimeout">How long that connect may take.</param>
/// <param name="MissedHeartbeats">With push detection (Monitor:Push), how many of a host's heartbeat intervals may pass without a packet.</param>
public sealed record DetectionSettings(double TmaxFactor, TimeSpan? AbsoluteLimit, bool ConfirmWithProbe, TimeSpan ProbeTimeout, int MissedHeartbeats = 2);
