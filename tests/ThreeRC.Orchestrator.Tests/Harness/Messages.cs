using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Orchestrator.Tests.Harness;

/// <summary>The monitor's events, as the tests send them.</summary>
internal static class Messages
{
    public static HostUnresponsive Down(string name, HostKind kind = HostKind.Virtual, string source = "gmond-a") =>
        new(name, kind, name, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, source, "TN 90 s > 4 x TMAX 20 s");

    public static HostResponsive Up(string name, HostKind kind = HostKind.Virtual) =>
        new(name, kind, name, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "gmond-a");
}
