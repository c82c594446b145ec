using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Testing;

namespace ThreeRC.Api.Tests.Notifications;

/// <summary>The operators are told of failed incidents, fencing alerts, the brake and lost sources: by webhook and by e-mail.</summary>
public sealed class NotificationTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_failed_incident_reaches_the_webhook_once_after_it_answered_500_twice_with_the_secret_header()
    {
        using var receiver = new HttpReceiver(attempt => attempt <= 2 ? HttpStatusCode.InternalServerError : HttpStatusCode.NoContent);
        using var secrets = new TempDirectory("webhook-secret");
        await using var api = await ApiHost.StartAsync(Webhook(receiver.Url, maxAttempts: 5, ("Notifications:Webhooks:0:HeaderName", "Authorization"),
            ("Notifications:Webhooks:0:HeaderValueFile", secrets.Write("header", "Bearer s3cret\n"))));
        var recoveryId = Guid.NewGuid();
        var failed = Sample.Completed(recoveryId, "gridce", RecoveryOutcome.Failed, At, At, At.AddMinutes(3));
        var eventId = Guid.NewGuid();

        await api.PublishAsync(failed, eventId);
        await api.PublishAsync(failed, eventId);
        await api.PublishAsync(Sample.Completed(Guid.NewGuid(), "gridse", RecoveryOutcome.Recovered, At, At, At.AddSeconds(20)));
        await Eventually.Until(() => receiver.Received.Count >= 3, TimeSpan.FromSeconds(30), "three attempts at the webhook");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(3, receiver.Received.Count);
        Assert.All(receiver.Received, request => Assert.Equal("Bearer s3cret", request.Authorization));
        Assert.Single(receiver.Received.Select(request => request.Text).Distinct());
        var notice = JsonSerializer.Deserialize<JsonElement>(receiver.Received[^1].Text);
        Assert.Equal("recovery-failed", notice.GetProperty("kind").GetString());
        Assert.Equal("ThreeRC: the recovery of gridce failed", notice.GetProperty("subject").GetString());
        Assert.Equal("gridce", notice.GetProperty("vmName").GetString());
        Assert.Equal(recoveryId, notice.GetProperty("recoveryId").GetGuid());
        Assert.Contains($"threerc show {recoveryId}", notice.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_webhook_that_keeps_failing_is_given_up_after_MaxAttempts()
    {
        using var receiver = new HttpReceiver(_ => HttpStatusCode.ServiceUnavailable);
        await using var api = await ApiHost.StartAsync(Webhook(receiver.Url, maxAttempts: 3));

        await api.PublishAsync(new MonitorSourceUnavailable("ganglia01:8649", "connection refused", At));
        await Eventually.Until(() => receiver.Received.Count >= 3, TimeSpan.FromSeconds(30), "three attempts at the webhook");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(3, receiver.Received.Count);
        Assert.Contains("Ganglia source ganglia01:8649 cannot be read", receiver.Received[0].Text);
    }

    [Fact]
    public async Task A_fencing_alert_is_mailed_through_a_real_SMTP_server()
    {
        await using var smtp = new SmtpServer();
        await smtp.InitializeAsync();
        await using var api = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Email:SmtpHost"] = smtp.Host,
            ["Notifications:Email:SmtpPort"] = smtp.Port.ToString(),
            ["Notifications:Email:Security"] = "None",
            ["Notifications:Email:From"] = "threerc@site.example",
            ["Notifications:Email:To:0"] = "ops@site.example",
            ["Notifications:Email:To:1"] = "oncall@site.example",
        });
        var recoveryId = Guid.NewGuid();

        await api.PublishAsync(new FencingAlert(recoveryId, "gridce", "alfa01", "BMC 10.0.0.11 did not answer", 3, At));
        var mail = (await Eventually.Until(() => Task.FromResult(smtp.Messages()), messages => messages.Count > 0, TimeSpan.FromSeconds(30),
            "the alert in the mailbox")).Single();

        Assert.Contains("Subject: ThreeRC: alfa01 could not be fenced; gridce stays down", mail);
        Assert.Contains("From: threerc@site.example", mail);
        Assert.Contains("ops@site.example", mail);
        Assert.Contains("oncall@site.example", mail);
        Assert.Contains("X-ThreeRC-Kind: fencing-alert", mail);
        Assert.Contains($"X-ThreeRC-Recovery-Id: {recoveryId}", mail);
        Assert.Contains("Power alfa01 off by hand", mail);
    }

    [Theory]
    [InlineData("Notifications:Webhooks:0:Url", "ftp://hooks.example/x", "Notifications:Webhooks:0:Url: 'ftp://hooks.example/x' is not an http or https URL")]
    [InlineData("Notifications:Email:SmtpHost", "smtp.example", "Notifications:Email:From: '' is not an e-mail address")]
    public async Task A_bad_notification_setting_stops_the_Api_at_start_naming_it(string key, string value, string error)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => ApiHost.StartAsync(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(error, refused.Message);
    }

    private static Dictionary<string, string?> Webhook(string url, int maxAttempts, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Webhooks:0:Url"] = url,
            ["Notifications:MaxAttempts"] = maxAttempts.ToString(),
            ["Notifications:FirstRetryDelay"] = "00:00:00.2",
            ["Notifications:MaxRetryDelay"] = "00:00:00.5",
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }
}
