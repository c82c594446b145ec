using Google.Protobuf.WellKnownTypes;
using ThreeRC.Api.Persistence;
using V1 = ThreeRC.Api.V1;

namespace ThreeRC.Api.Grpc.Mapping;

public static class FencingMapping
{
    /// <summary>Null unless fencing is halted: the field is left out.</summary>
    public static V1.FencingHalt? ToProto(this FencingBrakeState? brake) => brake is { Halted: true }
        ? new V1.FencingHalt
        {
            Reason = brake.Reason,
            SilentHosts = { brake.SilentHostNames },
            PhysicalHosts = brake.PhysicalHosts,
            Since = brake.ChangedAt.ToTimestamp(),
        }
        : null;

    public static V1.FencingAlert ToProto(this RaisedAlert alert) => new()
    {
        RecoveryId = alert.RecoveryId.ToString(),
        VmName = alert.VmName,
        HostName = alert.HostName ?? "",
        Summary = alert.Summary,
        RaisedAt = alert.RaisedAt.ToTimestamp(),
    };
}
