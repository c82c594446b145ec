using MassTransit;

namespace ThreeRC.Persistence.Sagas.Outbox;

/// <summary>How a saga on the database repository publishes: with its state, in its transaction, then to the bus.</summary>
public static class SagaOutboxExtensions
{
    /// <summary>Publishes <paramref name="message"/> once the state this message leads to is saved, and never without it.</summary>
    public static void PublishWithState<TSaga>(this BehaviorContext<TSaga> context, object message)
        where TSaga : class, SagaStateMachineInstance =>
        (context.TryGetPayload<SagaOutbox>(out var outbox)
            ? outbox
            : throw new InvalidOperationException($"the {typeof(TSaga).Name} saga publishes with its state only on the database saga repository")).Add(message);

    /// <summary>Publishes the message <paramref name="factory"/> makes once the state this event leads to is saved.</summary>
    public static EventActivityBinder<TSaga, TData> PublishWithState<TSaga, TData, TMessage>(
        this EventActivityBinder<TSaga, TData> binder, Func<BehaviorContext<TSaga, TData>, TMessage> factory)
        where TSaga : class, SagaStateMachineInstance
        where TData : class
        where TMessage : class =>
        binder.Then(context => context.PublishWithState(factory(context)));

    /// <summary>Publishes the message <paramref name="factory"/> makes once the state this event leads to is saved.</summary>
    public static EventActivityBinder<TSaga> PublishWithState<TSaga, TMessage>(
        this EventActivityBinder<TSaga> binder, Func<BehaviorContext<TSaga>, TMessage> factory)
        where TSaga : class, SagaStateMachineInstance
        where TMessage : class =>
        binder.Then(context => context.PublishWithState(factory(context)));
}
