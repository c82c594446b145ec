using ThreeRC.Api.V1;

namespace ThreeRC.Testing.Stack;

/// <summary>Follows a physical host's state through the Api, as an operator would.</summary>
public static class HostWatch
{
    /// <summary>
    /// Waits until the Api shows <paramref name="host"/> up because the monitor declared it responsive at or after
    /// <paramref name="after"/>, and returns when it did. Throws <see cref="TimeoutException"/> with the last state seen.
    /// </summary>
    public static async Task<DateTimeOffset> ResponsiveAsync(this Cluster.ClusterClient cluster, string host, DateTimeOffset after, TimeSpan timeout)
    {
        Host? seen = null;
        try
        {
            await Eventually.Until(async () =>
            {
                seen = (await cluster.ListHostsAsync(new ListHostsRequest())).Hosts.Single(candidate => candidate.Name == host);
                return seen.State == HostState.Up && seen.StateSince.ToDateTimeOffset() >= after;
            }, timeout, $"the monitor declaring {host} responsive");
        }
        catch (TimeoutException late)
        {
            throw new TimeoutException($"{late.Message}\nlast seen: {seen}", late);
        }

        return seen!.StateSince.ToDateTimeOffset();
    }
}
