using Microsoft.Extensions.Options;

namespace ThreeRC.Api.Notifications;

/// <summary>The channels the <c>Notifications</c> section configures, by name.</summary>
public sealed class NotificationChannels(IOptions<NotificationOptions> options, IHttpClientFactory http)
{
    public IReadOnlyList<INotificationChannel> All { get; } =
    [
        .. options.Value.Webhooks.Select((webhook, index) => new WebhookChannel(index, webhook, http)),
        .. options.Value.Email is { } email ? [new EmailChannel(email)] : Array.Empty<INotificationChannel>(),
    ];

    public INotificationChannel? Find(string name) => All.FirstOrDefault(channel => channel.Name == name);
}
