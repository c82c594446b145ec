using Grpc.Core;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.Contracts.Monitoring;
using ThreeRC.Contracts.Placement;
using ThreeRC.Testing;
using RecoveryStep = ThreeRC.Contracts.Recovery.RecoveryStep;

namespace ThreeRC.Api.Tests.Grpc;

public sealed class WatchEventsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ApiHost _api = fixture.Host;

    [Fact]
    public async Task Events_published_after_the_call_arrive_in_the_order_they_were_published()
    {
        using var cancel = new CancellationTokenSource(Patience);
        using var call = _api.Events.WatchEvents(new WatchEventsRequest { VmNames = { "gridce" } }, cancellationToken: cancel.Token);
        await call.ResponseHeadersAsync;
        var id = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        object[] published =
        [
            Sample.Down("gridce", HostKind.Virtual, at),
            Sample.Started(id, "gridce", at.AddSeconds(1)),
            Sample.Step(id, "gridce", RecoveryStep.Reboot, at.AddSeconds(2)),
            Sample.RebootFailed(id, "gridce", at.AddSeconds(3)),
            Sample.Step(id, "gridce", RecoveryStep.Placement, at.AddSeconds(4)),
            new VmPlaced(id, "gridce", "alfa04", "alfa01", "lowest load", at.AddSeconds(5)),
            new VmRestarted(id, "gridce", Guid.NewGuid(), "alfa04", [], at.AddSeconds(6)),
            Sample.Up("gridce", HostKind.Virtual, at.AddSeconds(7)),
        ];
        foreach (var message in published) await _api.PublishAsync(message);

        var received = await Read(call, published.Length, cancel.Token);

        Assert.Equal(published.Select(message => message.GetType().Name), received.Select(watched => watched.Kind));
        Assert.Equal(received.Select(watched => watched.Sequence).Order(), received.Select(watched => watched.Sequence));
        Assert.All(received.Skip(1).Take(6), watched => Assert.Equal(id.ToString(), watched.RecoveryId));
        Assert.Contains("\"hostName\":\"alfa04\"", received[6].PayloadJson);
    }

    [Fact]
    public async Task Only_events_that_match_every_part_of_the_filter_arrive()
    {
        using var cancel = new CancellationTokenSource(Patience);
        var request = new WatchEventsRequest { VmNames = { "gridse" }, Kinds = { "HostUnresponsive", "HostResponsive" } };
        using var call = _api.Events.WatchEvents(request, cancellationToken: cancel.Token);
        await call.ResponseHeadersAsync;
        var at = DateTimeOffset.UtcNow;

        await _api.PublishAsync(Sample.Down("web01", HostKind.Virtual, at));
        await _api.PublishAsync(Sample.Started(Guid.NewGuid(), "gridse", at));
        await _api.PublishAsync(Sample.Down("alfa04", HostKind.Physical, at));
        await _api.PublishAsync(Sample.Down("gridse", HostKind.Virtual, at));
        await _api.PublishAsync(Sample.Up("gridse", HostKind.Virtual, at.AddMinutes(1)));
        var received = await Read(call, 2, cancel.Token);

        Assert.Equal(["HostUnresponsive", "HostResponsive"], received.Select(watched => watched.Kind));
        Assert.All(received, watched => Assert.Equal("gridse", watched.VmName));
    }

    [Fact]
    public async Task A_host_filter_passes_the_events_about_that_physical_host()
    {
        using var cancel = new CancellationTokenSource(Patience);
        using var call = _api.Events.WatchEvents(new WatchEventsRequest { HostNames = { "alfa02" } }, cancellationToken: cancel.Token);
        await call.ResponseHeadersAsync;

        await _api.PublishAsync(Sample.Down("alfa01", HostKind.Physical, DateTimeOffset.UtcNow));
        await _api.PublishAsync(new NoCapacity(Guid.NewGuid(), "db08", "every host is over its threshold", true, DateTimeOffset.UtcNow));
        await _api.PublishAsync(Sample.Down("alfa02", HostKind.Physical, DateTimeOffset.UtcNow));
        var received = await Read(call, 1, cancel.Token);

        Assert.Equal("alfa02", received.Single().HostName);
        Assert.Equal("HostUnresponsive", received.Single().Kind);
    }

    [Fact]
    public async Task Events_published_before_the_call_are_not_delivered()
    {
        await _api.PublishAsync(Sample.Down("db01", HostKind.Virtual, DateTimeOffset.UtcNow));
        await _api.DrainAsync();
        using var cancel = new CancellationTokenSource(Patience);
        using var call = _api.Events.WatchEvents(new WatchEventsRequest { VmNames = { "db01" } }, cancellationToken: cancel.Token);
        await call.ResponseHeadersAsync;

        await _api.PublishAsync(Sample.Up("db01", HostKind.Virtual, DateTimeOffset.UtcNow));
        var received = await Read(call, 1, cancel.Token);

        Assert.Equal("HostResponsive", received.Single().Kind);
    }

    [Fact]
    public async Task A_client_that_cancels_ends_its_stream_cleanly_and_leaves_the_feed()
    {
        await Eventually.Until(() => _api.Feed.SubscriberCount == 0, Patience, "the watchers of earlier tests gone");
        using var cancel = new CancellationTokenSource();
        using var call = _api.Events.WatchEvents(new WatchEventsRequest { VmNames = { "db02" } }, cancellationToken: cancel.Token);
        await call.ResponseHeadersAsync;
        Assert.Equal(1, _api.Feed.SubscriberCount);

        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await Eventually.Until(() => _api.Feed.SubscriberCount == 0, Patience, "the watcher gone from the feed");
    }

    [Fact]
    public async Task An_unknown_kind_is_InvalidArgument_and_an_unknown_VM_NotFound()
    {
        var kind = await Refused(new WatchEventsRequest { Kinds = { "HostExploded" } });
        var vm = await Refused(new WatchEventsRequest { VmNames = { "ghost" } });

        Assert.Equal(StatusCode.InvalidArgument, kind.StatusCode);
        Assert.Contains("'HostExploded' is not an event kind", kind.Status.Detail);
        Assert.Contains("RecoveryStarted", kind.Status.Detail);
        Assert.Equal(StatusCode.NotFound, vm.StatusCode);
    }

    private async Task<RpcException> Refused(WatchEventsRequest request)
    {
        using var call = _api.Events.WatchEvents(request);
        return await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
    }

    private static async Task<List<Event>> Read(AsyncServerStreamingCall<Event> call, int count, CancellationToken cancellationToken)
    {
        var received = new List<Event>();
        while (received.Count < count && await call.ResponseStream.MoveNext(cancellationToken)) received.Add(call.ResponseStream.Current);
        return received;
    }
}
