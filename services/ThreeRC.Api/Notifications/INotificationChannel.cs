namespace ThreeRC.Api.Notifications;

/// <summary>One way of telling the operators; <see cref="SendAsync"/> throws when the notice did not get through.</summary>
public interface INotificationChannel
{
    /// <summary>webhook-0, webhook-1, …, or email: stored with each notification.</summary>
    string Name { get; }

    Task SendAsync(Notice notice, CancellationToken cancellationToken);
}
