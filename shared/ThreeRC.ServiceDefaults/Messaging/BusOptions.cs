namespace ThreeRC.ServiceDefaults.Messaging;

/// <summary>The <c>Bus</c> configuration section.</summary>
public sealed class BusOptions
{
    public const string SectionName = "Bus";

    /// <summary>InMemory (default) or RabbitMq.</summary>
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>
    /// This instance's name among several of the same service (letters, digits, dashes), such as the management node's:
    /// the queues every instance must have a copy of (the Api's events, the monitor's incident starts) get it as a
    /// suffix. Unset, one instance per service: the queues have their plain names.
    /// </summary>
    public string? InstanceName { get; set; }

    /// <summary>The broker, used when <see cref="Transport"/> is RabbitMq.</summary>
    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>How often a failing message is retried before it goes to the error queue.</summary>
    public int RetryLimit { get; set; } = 5;

    /// <summary>The first retry interval; later ones grow exponentially up to <see cref="RetryMaxInterval"/>.</summary>
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest retry interval.</summary>
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The name of a queue of which every instance has its own copy: <paramref name="queue"/>, then this instance's name.</summary>
    public string InstanceQueue(string queue) => string.IsNullOrEmpty(InstanceName) ? queue : $"{queue}-{InstanceName}";
}
