namespace ThreeRC.ServiceDefaults.Messaging;

/// <summary>The <c>Bus:RabbitMq</c> configuration section. There is no default user or password.</summary>
public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The cluster's other nodes, as <c>host</c> or <c>host:port</c>: a service connects to the first that answers, and
    /// reconnects to any of them when its node goes. Blank entries are ignored (a compose file's unset variables).
    /// </summary>
    public List<string> Nodes { get; set; } = [];

    /// <summary>The entries of <see cref="Nodes"/> that name a node.</summary>
    public IEnumerable<string> OtherNodes => Nodes.Where(node => !string.IsNullOrWhiteSpace(node));

    /// <summary>
    /// <see cref="RabbitMqQueueType.Classic"/> (one node's queues: the single-node default) or
    /// <see cref="RabbitMqQueueType.Quorum"/> (replicated on the cluster's nodes, kept by a majority). A queue keeps the
    /// type it was declared with: changing it means deleting the service queues first.
    /// </summary>
    public RabbitMqQueueType QueueType { get; set; } = RabbitMqQueueType.Classic;

    /// <summary>
    /// Whether the queues a service wants consumed by one instance at a time (the PXE provisioner's) are declared
    /// single-active-consumer: the other instances stand by and one takes over when the active one goes. Like the queue
    /// type, fixed when the queue is declared.
    /// </summary>
    public bool SingleActiveConsumers { get; set; }
}

/// <summary>The kind of queue every service queue is declared as.</summary>
public enum RabbitMqQueueType
{
    Classic,
    Quorum,
}
