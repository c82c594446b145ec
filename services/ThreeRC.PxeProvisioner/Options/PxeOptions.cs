namespace ThreeRC.PxeProvisioner.Options;

/// <summary>The <c>Pxe</c> configuration section.</summary>
public sealed class PxeOptions
{
    public const string SectionName = "Pxe";

    /// <summary>The folder the TFTP server serves; pxelinux.cfg/ is written in it. Default: tftp under Storage:DataDirectory.</summary>
    public string? TftpRoot { get; set; }

    /// <summary>The URL the installer reaches this service at, such as http://10.0.0.2:5085; without it every reinstall is refused.</summary>
    public string? CallbackBaseUrl { get; set; }

    /// <summary>How long an install token is accepted after its reinstall was prepared.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often entries whose token has expired are put back to local boot.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an ended incident (and the answer to each command) is remembered, to refuse a command that comes late.</summary>
    public TimeSpan EndedIncidentRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A file to write one dnsmasq dns-rr line per VM into, carrying its role as a HINFO record; none when empty.</summary>
    public string? DnsmasqHinfoFile { get; set; }
}
