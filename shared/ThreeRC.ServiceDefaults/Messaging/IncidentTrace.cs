using System.Diagnostics;
using MassTransit;
using MassTransit.Logging;

namespace ThreeRC.ServiceDefaults.Messaging;

/// <summary>
/// One trace per incident, across every service: its trace id is the recovery id's 32 hex digits (the id without its
/// dashes), so a tracing UI finds an incident by the id threerc shows. Each message of an incident leaves with that
/// trace as its parent (MassTransit's activity header, rewritten once its send span has started), so the consumer's
/// spans, and everything it sends while it handles the message, are in the incident's trace whatever trace the sender
/// was in (the monitor's poll, the deadline sweep). Its spans carry the recovery id and the VM as tags.
/// </summary>
public sealed class IncidentTrace : ISendObserver, IPublishObserver, IConsumeObserver
{
    public const string RecoveryIdTag = "threerc.recovery_id";
    public const string VmNameTag = "threerc.vm_name";

    public static ActivityTraceId TraceIdOf(Guid recoveryId) => ActivityTraceId.CreateFromString(recoveryId.ToString("N"));

    public Task PreSend<T>(SendContext<T> context)
        where T : class
    {
        if (IncidentHeaders.Of(context.Message) is not ({ } recoveryId, var vmName)) return Task.CompletedTask;
        var send = Tag(recoveryId, vmName);
        var span = send?.SpanId ?? ActivitySpanId.CreateRandom();
        context.Headers.Set(DiagnosticHeaders.ActivityId, $"00-{TraceIdOf(recoveryId).ToHexString()}-{span.ToHexString()}-01");
        return Task.CompletedTask;
    }

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => PreSend(context);

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (IncidentHeaders.Of(context.Message) is ({ } recoveryId, var vmName)) Tag(recoveryId, vmName);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    public Task PostSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    /// <summary>Tags the current span (the send, or the receive of a consumed message) with the incident.</summary>
    private static Activity? Tag(Guid recoveryId, string? vmName)
    {
        var span = Activity.Current;
        span?.SetTag(RecoveryIdTag, recoveryId.ToString("D"));
        if (vmName is not null) span?.SetTag(VmNameTag, vmName);
        return span;
    }
}
