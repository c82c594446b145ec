using Grpc.Core;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Recovery;
using ThreeRC.Testing;
using ResumeFencing = ThreeRC.Contracts.Operations.ResumeFencing;

namespace ThreeRC.Api.Tests.Grpc;

/// <summary>The mass-failure brake in the read model, and the operator command that lifts it. The brake is the whole cluster's, so each test has an Api of its own.</summary>
public sealed class FencingBrakeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset HaltedAt = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_halt_shows_in_the_cluster_status_and_on_the_watch_stream_until_fencing_resumes()
    {
        await using var api = await ApiHost.StartAsync();
        using var cancel = new CancellationTokenSource(Patience);
        using var call = api.Events.WatchEvents(new WatchEventsRequest { Kinds = { "FencingHalted", "FencingResumed" } }, cancellationToken: cancel.Token);
        await call.ResponseHeadersAsync;

        await api.PublishAsync(Halt(HaltedAt));
        var halted = await Next(call, cancel.Token);
        var during = await api.Cluster.ListHostsAsync(new ListHostsRequest());
        await api.PublishAsync(new FencingResumed("the PDUs of rack 3 are off", "bob", HaltedAt.AddMinutes(5)));
        var resumed = await Next(call, cancel.Token);
        var after = await api.Cluster.ListHostsAsync(new ListHostsRequest());

        Assert.Equal(("3 of 3 physical hosts silent within 30 s", 3, HaltedAt),
            (during.FencingHalted.Reason, during.FencingHalted.PhysicalHosts, during.FencingHalted.Since.ToDateTimeOffset()));
        Assert.Equal(["alfa01", "alfa02", "alfa04"], during.FencingHalted.SilentHosts);
        Assert.Equal("FencingHalted", halted.Kind);
        Assert.StartsWith("BRAKE: fencing halted, 3 of 3 physical hosts silent (alfa01, alfa02, alfa04)", halted.Summary);
        Assert.Equal(("FencingResumed", "bob resumed fencing: the PDUs of rack 3 are off. The incidents the brake held go on"), (resumed.Kind, resumed.Summary));
        Assert.Null(after.FencingHalted);
    }

    [Fact]
    public async Task A_halt_older_than_the_resume_stored_does_not_halt_again_because_events_may_arrive_out_of_order()
    {
        await using var api = await ApiHost.StartAsync();

        await api.PublishAsync(new FencingResumed("checked", "bob", HaltedAt.AddMinutes(5)));
        await api.PublishAsync(Halt(HaltedAt));
        await api.DrainAsync();

        Assert.Null((await api.Cluster.ListHostsAsync(new ListHostsRequest())).FencingHalted);
    }

    [Fact]
    public async Task Resuming_a_halted_brake_publishes_ResumeFencing_and_records_the_operator_action()
    {
        await using var api = await ApiHost.StartAsync();
        await api.PublishAsync(Halt(HaltedAt));
        await api.DrainAsync();

        var action = await api.Operations.ResumeFencingAsync(Resume("the PDUs of rack 3 are off"));

        var published = (await api.Received.AwaitAsync<ResumeFencing>(_ => true)).Single();
        Assert.Equal(("fencing-resume", "cluster", "alice", "the PDUs of rack 3 are off"), (action.Action, action.Target, action.RequestedBy, action.Detail));
        Assert.Equal(("the PDUs of rack 3 are off", "alice"), (published.Reason, published.RequestedBy));
    }

    [Fact]
    public async Task Resuming_when_the_read_model_knows_fencing_was_resumed_is_FailedPrecondition_and_publishes_nothing()
    {
        await using var api = await ApiHost.StartAsync();
        await api.PublishAsync(Halt(HaltedAt));
        await api.PublishAsync(new FencingResumed("checked", "bob", HaltedAt.AddMinutes(5)));
        await api.DrainAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => api.Operations.ResumeFencingAsync(Resume("too late")).ResponseAsync);
        await api.PublishAsync(Halt(HaltedAt.AddMinutes(10)));
        await api.DrainAsync();
        await api.Operations.ResumeFencingAsync(Resume("halted again, checked again"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("fencing is not halted: bob resumed it at 2026-11-26 04:05:00Z (checked)", error.Status.Detail);
        await api.Received.AwaitAsync<ResumeFencing>(command => command.Reason == "halted again, checked again");
        Assert.Equal(["halted again, checked again"], api.Received.Of<ResumeFencing>().Select(command => command.Reason));
    }

    [Fact]
    public async Task Resuming_before_the_read_model_heard_of_any_brake_is_passed_on_since_the_orchestrator_owns_the_brake()
    {
        await using var api = await ApiHost.StartAsync();

        await api.Operations.ResumeFencingAsync(Resume("the Api was rebuilt after the halt"));

        Assert.Single(await api.Received.AwaitAsync<ResumeFencing>(_ => true));
    }

    [Fact]
    public async Task Resuming_needs_the_API_key_a_reason_and_a_login_name()
    {
        await using var api = await ApiHost.StartAsync();
        var anonymous = new Operations.OperationsClient(api.Anonymous);

        var unauthenticated = await Assert.ThrowsAsync<RpcException>(() => anonymous.ResumeFencingAsync(Resume("why")).ResponseAsync);
        var noReason = await Assert.ThrowsAsync<RpcException>(() => api.Operations.ResumeFencingAsync(Resume(" ")).ResponseAsync);
        var badName = await Assert.ThrowsAsync<RpcException>(
            () => api.Operations.ResumeFencingAsync(new ResumeFencingRequest { Reason = "why", RequestedBy = "Eve Smith" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);
        Assert.Equal((StatusCode.InvalidArgument, "reason: required (say why, in one line)"), (noReason.StatusCode, noReason.Status.Detail));
        Assert.Equal(StatusCode.InvalidArgument, badName.StatusCode);
        Assert.StartsWith("requested_by:", badName.Status.Detail);
    }

    private static FencingHalted Halt(DateTimeOffset at) =>
        new("3 of 3 physical hosts silent within 30 s", ["alfa01", "alfa02", "alfa04"], 3, at);

    private static ResumeFencingRequest Resume(string reason) => new() { Reason = reason, RequestedBy = "alice" };

    private static async Task<Event> Next(AsyncServerStreamingCall<Event> call, CancellationToken cancellationToken)
    {
        Assert.True(await call.ResponseStream.MoveNext(cancellationToken), "the watch stream ended");
        return call.ResponseStream.Current;
    }
}
