using Google.Protobuf.WellKnownTypes;
using ThreeRC.Api.Persistence;
using V1 = ThreeRC.Api.V1;

namespace ThreeRC.Api.Grpc.Mapping;

public static class OperationsMapping
{
    public static V1.OperatorAction ToProto(this OperatorActionRecord action) => new()
    {
        Id = action.Id,
        RequestedBy = action.RequestedBy,
        Action = action.Action,
        Target = action.Target,
        Detail = action.Detail,
        RequestedAt = action.RequestedAt.ToTimestamp(),
    };

    /// <summary>Null when not in maintenance: the field is left out.</summary>
    public static V1.Maintenance? ToProto(this MaintenanceState? maintenance) => maintenance is null
        ? null
        : new V1.Maintenance { Reason = maintenance.Reason, ChangedBy = maintenance.ChangedBy, Since = maintenance.ChangedAt.ToTimestamp() };
}
