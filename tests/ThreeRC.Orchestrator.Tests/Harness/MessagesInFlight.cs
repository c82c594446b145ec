using MassTransit;

namespace ThreeRC.Orchestrator.Tests.Harness;

/// <summary>
/// The messages a harness's bus is handling now. A test may end while a consumer still works (a lost host's
/// relocation asks the placement stand-in which VMs it had); stopped under it, the consumer would wait out its request
/// timeout once per retry, three minutes, before the bus could stop.
/// </summary>
internal sealed class MessagesInFlight : IReceiveObserver
{
    private int _count;

    public bool None => Volatile.Read(ref _count) == 0;

    public Task PreReceive(ReceiveContext context)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    public Task PostReceive(ReceiveContext context) => Ended();

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Ended();

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class =>
        Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class =>
        Task.CompletedTask;

    private Task Ended()
    {
        Interlocked.Decrement(ref _count);
        return Task.CompletedTask;
    }
}
