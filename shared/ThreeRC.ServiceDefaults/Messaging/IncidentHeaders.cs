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

    /// <summary>Stamps every message this bus sends or publishes.</summary>
    public static void UseIncidentHeaders(this IBusFactoryConfigurator bus)
    {
        bus.ConfigureSend(send => send.UseExecute(Stamp));
        bus.ConfigurePublish(publish => publish.UseExecute(Stamp));
    }

    private static void Stamp(SendContext context)
    {
        if (context is not SendContext<object> { Message: var message }) return;
        var (recoveryId, vmName) = Properties.GetOrAdd(message.GetType(), type => (Property(type, "RecoveryId", typeof(Guid)), Property(type, "VmName", typeof(string))));
        if (recoveryId?.GetValue(message) is Guid id) context.Headers.Set(RecoveryId, id.ToString("D"));
        if (vmName?.GetValue(message) is string vm) context.Headers.Set(VmName, vm);
    }

    private static PropertyInfo? Property(Type type, string name, Type valueType) =>
        type.GetProperty(name) is { } property && (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == valueType ? property : null;
}
