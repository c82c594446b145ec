using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ThreeRC.Inventory;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Api.Grpc;

/// <summary>Checks request fields; a bad one becomes an <see cref="RpcException"/> that names the field and what is wrong.</summary>
public static class Require
{
    public const int MaxReasonLength = 500;

    public static VirtualMachine Vm(ClusterInventory inventory, string name, string field) =>
        inventory.FindVm(KnownName(name, field))
        ?? throw NotFound($"{field}: the inventory has no VM named '{name}' (its VMs: {List(inventory.Vms.Select(vm => vm.Name))})");

    public static PhysicalHost Host(ClusterInventory inventory, string name, string field) =>
        inventory.FindHost(KnownName(name, field))
        ?? throw NotFound($"{field}: the inventory has no physical host named '{name}' (its hosts: {List(inventory.Hosts.Select(host => host.Name))})");

    public static string Reason(string reason, string field)
    {
        var trimmed = reason.Trim();
        if (trimmed.Length == 0) throw Invalid($"{field}: required (say why, in one line)");
        if (trimmed.Length > MaxReasonLength) throw Invalid($"{field}: {trimmed.Length} characters; at most {MaxReasonLength}");
        if (!InventoryPatterns.SingleLine().IsMatch(trimmed)) throw Invalid($"{field}: must be one line without control characters");
        return trimmed;
    }

    public static string Operator(string name, string field)
    {
        if (string.IsNullOrEmpty(name)) throw Invalid($"{field}: required (who asks, as a login name)");
        return InventoryPatterns.User().IsMatch(name)
            ? name
            : throw Invalid($"{field}: '{name}' is not a login name (lower-case letters, digits, '.', '_', '-'; at most 32)");
    }

    public static Guid RecoveryId(string id, string field)
    {
        if (string.IsNullOrEmpty(id)) throw Invalid($"{field}: required");
        return Guid.TryParse(id, out var guid) ? guid : throw Invalid($"{field}: '{id}' is not a recovery id (a GUID such as 3f2b…)");
    }

    /// <summary>Null when the field is absent.</summary>
    public static DateTimeOffset? Time(Timestamp? time, string field)
    {
        try
        {
            return time?.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw Invalid($"{field}: {time} is not a valid time");
        }
    }

    /// <summary>Refuses a range whose start is not before its end.</summary>
    public static void Ordered(DateTimeOffset? start, DateTimeOffset? end, string startField, string endField)
    {
        if (start >= end) throw Invalid($"{startField} ({start:O}) must be before {endField} ({end:O})");
    }

    public static RpcException Invalid(string detail) => new(new Status(StatusCode.InvalidArgument, detail));

    public static RpcException NotFound(string detail) => new(new Status(StatusCode.NotFound, detail));

    public static RpcException FailedPrecondition(string detail) => new(new Status(StatusCode.FailedPrecondition, detail));

    private static string KnownName(string name, string field)
    {
        if (string.IsNullOrEmpty(name)) throw Invalid($"{field}: required");
        return InventoryPatterns.Name().IsMatch(name)
            ? name
            : throw Invalid($"{field}: '{name}' is not a valid name (letters, digits, '.', '-', '_')");
    }

    private static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= 10 ? string.Join(", ", all) : $"{string.Join(", ", all.Take(10))} and {all.Count - 10} more";
    }
}
