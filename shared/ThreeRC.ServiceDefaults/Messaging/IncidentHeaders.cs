using System.Collections.Concurrent;
using System.Reflection;
using MassTransit;

namespace ThreeRC.ServiceDefaults.Messaging;

/// <summary>
/// Copies a message's <c>RecoveryId</c> and <c>VmName</c> into its headers, so that one incident's messages can be picked
/// out on the broker without reading their bodies: a headers exchange bound to the message exchanges, or the
/// <c>rabbitmq_tracing</c> plugin (README, "Following one incident on the broker").
/// </summary>
public static class IncidentHeaders
{
    public const string RecoveryId = "threerc-recovery-id";
    public const string VmName = "threerc-vm-name";

    private static readonly ConcurrentDictionary<Type, (PropertyInfo? RecoveryId, PropertyInfo? VmName)> Properties = new();

    /// <summary>
    /// Stamps every message this bus sends or publishes, and puts each incident's messages in one trace of their own
    /// (<see cref="IncidentTrace"/>).
    /// </summary>
    public static void UseIncidentHeaders(this IBusFactoryConfigurator bus)
    {
        bus.ConfigureSend(send => send.UseExecute(Stamp));
        bus.ConfigurePublish(publish => publish.UseExecute(Stamp));
        var trace = new IncidentTrace();
        bus.ConnectSendObserver(trace);
        bus.ConnectPublishObserver(trace);
        bus.ConnectConsumeObserver(trace);
    }

    /// <summary>The incident a message belongs to and the VM it is about, when it says.</summary>
    public static (Guid? RecoveryId, string? VmName) Of(object message)
    {
        var (recoveryId, vmName) = Properties.GetOrAdd(message.GetType(), type => (Property(type, "RecoveryId", typeof(Guid)), Property(type, "VmName", typeof(string))));
        return (recoveryId?.GetValue(message) as Guid?, vmName?.GetValue(message) as string);
    }

    private static void Stamp(SendContext context)
    {
        if (context is not SendContext<object> { Message: var message }) return;
        var (recoveryId, vmName) = Of(message);
        if (recoveryId is { } id) context.Headers.Set(RecoveryId, id.ToString("D"));
        if (vmName is { } vm) context.Headers.Set(VmName, vm);
    }

    private static PropertyInfo? Property(Type type, string name, Type valueType) =>
        type.GetProperty(name) is { } property && (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == valueType ? property : null;
}
