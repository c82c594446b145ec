namespace ThreeRC.Benchmarks.Libvirt;

/// <summary>
/// One guest taken down by an injected fault, timed: detection (fault → the incident opens), controller overhead
/// (incident open → the new QEMU process is seen, on <paramref name="StartedOn"/>) and fault → the guest's first
/// heartbeat in Ganglia after the recovery. Timeline: the incident's events, as seconds after it opened.
/// </summary>
public sealed record FaultMeasurement(
    int Number, string Vm, LabFault Fault, string StartedOn, TimeSpan Detection, TimeSpan ControllerOverhead, TimeSpan ToFirstHeartbeat, string Timeline)
{
    public override string ToString() =>
        $"#{Number,2} {Vm} {Fault,-9} detection {Detection.TotalSeconds,5:0.0} s, overhead {ControllerOverhead.TotalSeconds,5:0.0} s, " +
        $"first heartbeat after {ToFirstHeartbeat.TotalSeconds,5:0.0} s, on {StartedOn} [{Timeline}]";
}
