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

    /// <summary>
    /// How often the state of every judged host is published again (HostStatesReported), for read models that started
    /// after it was announced; zero turns it off.
    /// </summary>
    public TimeSpan StateReportInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Ganglia's packets heard as they arrive (docs/monitor.md, "Push detection"); off unless a port is set.</summary>
    public PushOptions Push { get; set; } = new();
}

/// <summary>
/// The <c>Monitor:Push</c> section: a UDP port every gmond also sends its packets to (a second udp_send_channel). A host
/// heard there is silent once <c>detection.missedHeartbeats</c> of its heartbeat interval and <see cref="Grace"/> pass
/// without a packet; the XML poll still gives the load, and judges the hosts never heard on UDP.
/// </summary>
public sealed class PushOptions
{
    /// <summary>The UDP port to hear on; none (the default) turns push detection off.</summary>
    public int? Port { get; set; }

    /// <summary>The address to hear on: every interface by default.</summary>
    public string Bind { get; set; } = "0.0.0.0";

    /// <summary>Added to the missed heartbeats: a packet late by less is no silence.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How often the hosts heard on UDP are judged between two polls.</summary>
    public TimeSpan JudgeInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
