namespace ThreeRC.Benchmarks.Libvirt;

/// <summary>
/// One guest taken down by an injected fault, timed: detection (fault → the incident opens), controller overhead
/// (incident open → the new QEMU process is seen, on <paramref name="StartedOn"/>) and fault → the guest's first
/// heartbeat in Ganglia after the recovery; what is left of that is the boot (the new QEMU process → its first
/// heartbeat). Timeline: the incident's events, as seconds after it opened.
/// </summary>
public sealed record FaultMeasurement(
    int Number, string Vm, LabFault Fault, string StartedOn, TimeSpan Detection, TimeSpan ControllerOverhead, TimeSpan ToFirstHeartbeat, string Timeline)
{
    public TimeSpan Boot => ToFirstHeartbeat - Detection - ControllerOverhead;

    /// <summary>A guest crash: its domain destroyed or its QEMU killed, the fault the goal is set for.</summary>
    public bool IsCrash => Fault is LabFault.Destroy or LabFault.KillQemu;

    public override string ToString() =>
        $"#{Number,2} {Vm} {Fault,-9} detection {Detection.TotalSeconds,5:0.0} s, overhead {ControllerOverhead.TotalSeconds,5:0.0} s, " +
        $"boot {Boot.TotalSeconds,5:0.0} s, first heartbeat after {ToFirstHeartbeat.TotalSeconds,5:0.0} s, on {StartedOn} [{Timeline}]";
}
