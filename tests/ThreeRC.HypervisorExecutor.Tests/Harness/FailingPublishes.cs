using MassTransit;

namespace ThreeRC.HypervisorExecutor.Tests.Harness;

/// <summary>Makes the first publish of one message type fail, as a broker that drops the channel would.</summary>
internal sealed class FailingPublishes
{
    private int _failed;

    public Type? FailFirst { get; set; }

    public bool HaveFailed => Volatile.Read(ref _failed) == 1;

    public bool ShouldFail(Type message) => message == FailFirst && Interlocked.Exchange(ref _failed, 1) == 0;
}

/// <summary>The publish filter that asks <see cref="FailingPublishes"/>; not scoped, since the outbox publishes after the consumer's scope has ended.</summary>
internal sealed class FailingPublishFilter(FailingPublishes failures) : IFilter<PublishContext>
{
    public Task Send(PublishContext context, IPipe<PublishContext> next) =>
        MessageType(context) is { } type && failures.ShouldFail(type)
            ? throw new InvalidOperationException($"publishing {type.Name} failed (the test made it fail)")
            : next.Send(context);

    public void Probe(ProbeContext context) => context.CreateFilterScope("failing-publish");

    private static Type? MessageType(PublishContext context) => context.GetType().GetInterfaces()
        .FirstOrDefault(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PublishContext<>))?.GetGenericArguments()[0];
}
