using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using ThreeRC.ServiceDefaults.Hosting;
using ThreeRC.ServiceDefaults.Observability;

namespace ThreeRC.Api.Notifications;

/// <summary>
/// Sends the queued notifications every second, while a channel is configured: each on its channel within
/// <c>SendTimeout</c>; a failure is tried again after a delay that doubles up to <c>MaxRetryDelay</c>, and given up
/// after <c>MaxAttempts</c> with an error in the log. Several Api instances share the work: each claims the rows it sends.
/// </summary>
public sealed class NotificationSender(
    NotificationStore store, NotificationChannels channels, IOptions<NotificationOptions> options, TimeProvider time, IMeterFactory meters,
    ILogger<NotificationSender> logger) : PeriodicWork(time, logger)
{
    private readonly Counter<long> _sent = meters.Create(ThreeRcMeter.Name).CreateCounter<long>(
        "threerc.notifications", description: "Notification attempts, by channel and outcome (sent, failed, abandoned)");

    /// <summary>Off while no channel is configured.</summary>
    protected override TimeSpan Interval => channels.All.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(1);

    protected override string Name => "Reading the notifications to send";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (channels.All.Count > 0) Logger.LogInformation("Notifications go to {Channels}", string.Join(", ", channels.All.Select(channel => channel.Name)));
        return base.ExecuteAsync(stoppingToken);
    }

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        foreach (var pending in await store.ClaimDueAsync(options.Value.SendTimeout * 2, 20, cancellationToken))
            await SendAsync(pending, cancellationToken);
    }

    private async Task SendAsync(PendingNotification pending, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            var channel = channels.Find(pending.Channel) ?? throw new InvalidOperationException($"channel {pending.Channel} is no longer configured");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(settings.SendTimeout);
            await channel.SendAsync(pending.Notice, timeout.Token);
            await store.SentAsync(pending, stoppingToken);
            Count(pending, "sent");
            Logger.LogInformation("Notified {Channel}: {Subject}", pending.Channel, pending.Notice.Subject);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            var error = e is OperationCanceledException ? $"no answer within {settings.SendTimeout.TotalSeconds:0.###} s" : e.Message;
            var attempts = pending.Attempts + 1;
            var retryAt = attempts < settings.MaxAttempts ? Time.GetUtcNow() + Delay(attempts, settings) : (DateTimeOffset?)null;
            await store.FailedAsync(pending, error, retryAt, stoppingToken);
            Count(pending, retryAt is null ? "abandoned" : "failed");
            if (retryAt is null)
                Logger.LogError("Notifying {Channel} failed {Attempts} times; given up: {Subject}: {Error}", pending.Channel, attempts, pending.Notice.Subject, error);
            else
                Logger.LogWarning("Notifying {Channel} failed (attempt {Attempt}): {Error}; trying again at {RetryAt:O}", pending.Channel, attempts, error, retryAt);
        }
    }

    private static TimeSpan Delay(int attempts, NotificationOptions settings) =>
        TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.FirstRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 30))));

    private void Count(PendingNotification pending, string outcome) =>
        _sent.Add(1, new KeyValuePair<string, object?>("channel", pending.Channel), new KeyValuePair<string, object?>("outcome", outcome));
}
