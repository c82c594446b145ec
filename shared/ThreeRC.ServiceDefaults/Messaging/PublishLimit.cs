namespace ThreeRC.ServiceDefaults.Messaging;

/// <summary>
/// Bounds a publish from a background loop. RabbitMQ.Client 7.2 can leave a publish that was in flight when the broker
/// went away waiting for its confirm for ever (rabbitmq-dotnet-client #1928, #1930); a loop that awaited it would stop
/// for good, and the monitor's polls or the orchestrator's timers with it. Past the limit the loop gets a
/// <see cref="TimeoutException"/>, and its next round publishes again what was not confirmed.
/// </summary>
public static class PublishLimit
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(15);

    public static async Task WithinPublishLimit(this Task publish, CancellationToken cancellationToken, TimeSpan? limit = null)
    {
        var within = limit ?? Default;
        try
        {
            await publish.WaitAsync(within, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"the broker did not confirm a publish within {within.TotalSeconds:0.###} s; it is published again next round", e);
        }
    }
}
