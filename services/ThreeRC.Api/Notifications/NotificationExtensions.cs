using Microsoft.Extensions.Options;

namespace ThreeRC.Api.Notifications;

public static class NotificationExtensions
{
    /// <summary>The <c>Notifications</c> options, their channels, the store of what is to be sent, and its sender.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName)
            .PostConfigure(options => options.DropBlankSettings()).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.AddHttpClient();
        services.AddSingleton<NotificationChannels>();
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<Notifier>();
        services.AddHostedService<NotificationSender>();
        return services;
    }
}
