namespace ThreeRC.Api.Notifications;

/// <summary>
/// The <c>Notifications</c> section: who is told, and how, when an incident fails, a host cannot be fenced, the
/// mass-failure brake engages or a Ganglia source is lost. Without a webhook or an e-mail nobody is told.
/// </summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Each gets every notice as a JSON POST.</summary>
    public List<WebhookTarget> Webhooks { get; set; } = [];

    /// <summary>An SMTP server and the addresses to mail every notice to.</summary>
    public EmailTarget? Email { get; set; }

    /// <summary>How many times a notice is tried on a channel before it is given up (and logged as an error).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles after each failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A webhook without a URL, or an e-mail without an SMTP host, is off; so are empty addresses and logins: a compose
    /// file passes its unset variables as empty values.
    /// </summary>
    public void DropBlankSettings()
    {
        Webhooks.RemoveAll(webhook => string.IsNullOrWhiteSpace(webhook.Url));
        if (string.IsNullOrWhiteSpace(Email?.SmtpHost)) Email = null;
        if (Email is null) return;
        Email.To.RemoveAll(string.IsNullOrWhiteSpace);
        if (string.IsNullOrWhiteSpace(Email.User)) Email.User = null;
        if (string.IsNullOrWhiteSpace(Email.PasswordFile)) Email.PasswordFile = null;
    }
}

/// <summary>A URL to POST notices to, with a header from a file when the receiver wants a secret (Authorization: Bearer …).</summary>
public sealed class WebhookTarget
{
    public string Url { get; set; } = "";

    public string? HeaderName { get; set; }

    /// <summary>A file whose first line is the header's value: the secret is never in the configuration.</summary>
    public string? HeaderValueFile { get; set; }
}

/// <summary>An SMTP server (MailKit), its login if any, and the message's sender and receivers.</summary>
public sealed class EmailTarget
{
    public string SmtpHost { get; set; } = "";

    public int SmtpPort { get; set; } = 587;

    /// <summary>None, StartTls (the default: port 587), StartTlsWhenAvailable or SslOnConnect (port 465).</summary>
    public string Security { get; set; } = "StartTls";

    public string? User { get; set; }

    /// <summary>A file whose first line is the SMTP password.</summary>
    public string? PasswordFile { get; set; }

    public string From { get; set; } = "";

    public List<string> To { get; set; } = [];
}
