namespace ThreeRC.Lab.Simulation;

/// <summary>How long the simulated machines take.</summary>
/// <param name="Heartbeat">Between two Ganglia heartbeats of a running machine.</param>
/// <param name="Boot">From power-on (or reboot) to the guest's first heartbeat.</param>
/// <param name="Install">From a network boot into the installer to its call-back.</param>
public sealed record LabTimings(TimeSpan Heartbeat, TimeSpan Boot, TimeSpan Install);
