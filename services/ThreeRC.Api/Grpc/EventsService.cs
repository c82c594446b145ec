using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ThreeRC.Api.Feed;
using ThreeRC.Api.Grpc.Mapping;
using ThreeRC.Inventory.Model;
using V1 = ThreeRC.Api.V1;

namespace ThreeRC.Api.Grpc;

public sealed class EventsService(EventFeed feed, ClusterInventory inventory, IHostApplicationLifetime lifetime) : V1.Events.EventsBase
{
    /// <summary>
    /// Subscribes before it sends the response headers, so a client that has them misses nothing published
    /// afterwards. Ends without error when the client cancels or the Api stops.
    /// </summary>
    public override async Task WatchEvents(V1.WatchEventsRequest request, IServerStreamWriter<V1.Event> responseStream, ServerCallContext context)
    {
        var filter = WatchFilter.From(request, inventory);
        using var subscription = feed.Subscribe(filter.Matches);
        await context.WriteResponseHeadersAsync(new Metadata());

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var feedEvent in subscription.Events.ReadAllAsync(stop.Token))
                await responseStream.WriteAsync(ToProto(feedEvent), stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client left or the Api stops: the stream simply ends.
        }
        catch (WatcherTooSlowException e)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, e.Message));
        }
    }

    private static V1.Event ToProto(FeedEvent feedEvent) => new()
    {
        Sequence = (ulong)feedEvent.Sequence,
        Kind = feedEvent.Kind,
        OccurredAt = feedEvent.Facts.OccurredAt.ToTimestamp(),
        VmName = feedEvent.Facts.VmName ?? "",
        HostName = feedEvent.Facts.HostName ?? "",
        RecoveryId = feedEvent.Facts.RecoveryId?.ToString() ?? "",
        Summary = feedEvent.Facts.Summary,
        PayloadJson = feedEvent.PayloadJson,
    };
}
