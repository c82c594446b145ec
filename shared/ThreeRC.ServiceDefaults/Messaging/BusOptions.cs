namespace ThreeRC.ServiceDefaults.Messaging;

/// <summary>The <c>Bus</c> configuration section.</summary>
public sealed class BusOptions
{
    public const string SectionName = "Bus";

    /// <summary>InMemory (default) or RabbitMq.</summary>
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>The broker, used when <see cref="Transport"/> is RabbitMq.</summary>
    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>How often a failing message is retried before it goes to the error queue.</summary>
    public int RetryLimit { get; set; } = 5;

    /// <summary>The first retry interval; later ones grow exponentially up to <see cref="RetryMaxInterval"/>.</summary>
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest retry interval.</summary>
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);
}
