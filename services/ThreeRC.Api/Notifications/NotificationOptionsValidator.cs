using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ThreeRC.Api.Notifications;

internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Webhooks.Count; i++) errors.AddRange(Problems(options.Webhooks[i], $"Notifications:Webhooks:{i}"));
        if (options.Email is { } email) errors.AddRange(Problems(email, "Notifications:Email"));
        if (options.MaxAttempts is < 1 or > 1000) errors.Add($"Notifications:MaxAttempts: {options.MaxAttempts} is not between 1 and 1000");
        if (options.FirstRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.FirstRetryDelay)
            errors.Add($"Notifications:FirstRetryDelay {options.FirstRetryDelay} must be more than 0 and at most MaxRetryDelay {options.MaxRetryDelay}");
        if (options.SendTimeout <= TimeSpan.Zero) errors.Add($"Notifications:SendTimeout: {options.SendTimeout} must be more than 0");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> Problems(WebhookTarget webhook, string at)
    {
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            yield return $"{at}:Url: '{webhook.Url}' is not an http or https URL";
        if (webhook.HeaderName is null != webhook.HeaderValueFile is null)
            yield return $"{at}: HeaderName and HeaderValueFile go together";
        if (webhook.HeaderValueFile is { } file && !File.Exists(file)) yield return $"{at}:HeaderValueFile: {file} does not exist";
    }

    private static IEnumerable<string> Problems(EmailTarget email, string at)
    {
        if (string.IsNullOrWhiteSpace(email.SmtpHost)) yield return $"{at}:SmtpHost: required";
        if (email.SmtpPort is < 1 or > 65535) yield return $"{at}:SmtpPort: {email.SmtpPort} is not a port number";
        if (!Enum.TryParse<SecureSocketOptions>(email.Security, out var security) || security == SecureSocketOptions.Auto)
            yield return $"{at}:Security: '{email.Security}' is not None, StartTls, StartTlsWhenAvailable or SslOnConnect";
        if (email.User is null != email.PasswordFile is null) yield return $"{at}: User and PasswordFile go together";
        if (email.PasswordFile is { } file && !File.Exists(file)) yield return $"{at}:PasswordFile: {file} does not exist";
        if (!MailboxAddress.TryParse(email.From, out _)) yield return $"{at}:From: '{email.From}' is not an e-mail address";
        if (email.To.Count == 0) yield return $"{at}:To: at least one address";
        foreach (var to in email.To.Where(to => !MailboxAddress.TryParse(to, out _))) yield return $"{at}:To: '{to}' is not an e-mail address";
    }
}
