namespace ThreeRC.ServiceDefaults.Messaging;

/// <summary>Which MassTransit transport carries the messages.</summary>
public enum BusTransport
{
    /// <summary>In process: every module in one host (the all-in-one node).</summary>
    InMemory,

    /// <summary>A RabbitMQ broker: one process per service.</summary>
    RabbitMq,
}
