using ThreeRC.Contracts.Operations;

namespace ThreeRC.Api.Grpc;

/// <summary>How an operator action names what it acted on: host:NAME, vm:NAME, recovery:ID, or the whole cluster.</summary>
public static class OperatorTargets
{
    public const string Cluster = "cluster";

    public static string Vm(string name) => $"vm:{name}";

    public static string Recovery(Guid id) => $"recovery:{id}";

    public static string Of(MaintenanceTarget target, string name) => target == MaintenanceTarget.Host ? $"host:{name}" : Vm(name);
}
