namespace ThreeRC.Monitor.Options;

/// <summary>The <c>Monitor</c> configuration section: where Ganglia is and how it is read.</summary>
public sealed class MonitorOptions
{
    public const string SectionName = "Monitor";

    /// <summary>Ganglia sources as host:port: gmond's tcp_accept_channel (8649) or gmetad's xml_port (8651).</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>How often every source is read.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a source may take to accept the connection.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a source may take to send its whole document once connected.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A document larger than this is refused as a source failure.</summary>
    public int MaxDocumentBytes { get; set; } = 64 * 1024 * 1024;
}
