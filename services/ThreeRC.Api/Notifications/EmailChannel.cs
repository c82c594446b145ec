using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ThreeRC.Api.Notifications;

/// <summary>Mails each notice through an SMTP server (MailKit), logging in when a user is set.</summary>
public sealed class EmailChannel(EmailTarget target) : INotificationChannel
{
    public string Name => "email";

    public async Task SendAsync(Notice notice, CancellationToken cancellationToken)
    {
        var message = new MimeMessage { Subject = notice.Subject, Body = new TextPart("plain") { Text = Body(notice) } };
        message.From.Add(MailboxAddress.Parse(target.From));
        message.To.AddRange(target.To.Select(MailboxAddress.Parse));
        message.Headers.Add("X-ThreeRC-Kind", notice.Kind);
        if (notice.RecoveryId is { } recoveryId) message.Headers.Add("X-ThreeRC-Recovery-Id", recoveryId.ToString());

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(target.SmtpHost, target.SmtpPort, Enum.Parse<SecureSocketOptions>(target.Security), cancellationToken);
        if (target is { User: { } user, PasswordFile: { } file })
            await smtp.AuthenticateAsync(user, (await File.ReadAllLinesAsync(file, cancellationToken)).FirstOrDefault()?.Trim() ?? "", cancellationToken);
        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(true, cancellationToken);
    }

    private static string Body(Notice notice) =>
        $"{notice.Text}\n\n" +
        $"When: {notice.OccurredAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z\n" +
        (notice.VmName is null ? "" : $"VM: {notice.VmName}\n") +
        (notice.HostName is null ? "" : $"Host: {notice.HostName}\n") +
        (notice.RecoveryId is null ? "" : $"Incident: {notice.RecoveryId}\n");
}
