namespace ThreeRC.ServiceDefaults.Messaging;

/// <summary>The <c>Bus:RabbitMq</c> configuration section. There is no default user or password.</summary>
public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string? Username { get; set; }

    public string? Password { get; set; }
}
