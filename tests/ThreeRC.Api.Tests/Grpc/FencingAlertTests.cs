using Grpc.Core;
using ThreeRC.Api.Tests.Fixtures;
using ThreeRC.Api.V1;
using ThreeRC.Contracts.Recovery;
using FencingAlert = ThreeRC.Contracts.Recovery.FencingAlert;

namespace ThreeRC.Api.Tests.Grpc;

/// <summary>The fencing alerts of open incidents in the cluster status, until an operator acknowledges them.</summary>
public sealed class FencingAlertTests
{
    private static readonly DateTimeOffset RaisedAt = DateTimeOffset.UtcNow.AddMinutes(-10);

    [Fact]
    public async Task An_alert_is_listed_until_acknowledged_and_a_later_alert_of_the_same_incident_is_listed_again()
    {
        await using var api = await ApiHost.StartAsync();
        var id = Guid.NewGuid();
        await api.PublishAsync(Sample.Started(id, "db03", RaisedAt.AddMinutes(-2)));
        await api.PublishAsync(Alert(id, RaisedAt));
        await api.DrainAsync();

        var listed = Assert.Single((await api.Cluster.ListHostsAsync(new ListHostsRequest())).FencingAlerts);
        var action = await api.Operations.AcknowledgeFencingAlertAsync(Acknowledge(id));
        var afterAcknowledging = await api.Cluster.ListHostsAsync(new ListHostsRequest());
        var raisedAgainAt = DateTimeOffset.UtcNow.AddSeconds(1);
        await api.PublishAsync(Alert(id, raisedAgainAt));
        await api.DrainAsync();
        var afterAnotherAlert = await api.Cluster.ListHostsAsync(new ListHostsRequest());

        Assert.Equal((id.ToString(), "db03", "alfa04", RaisedAt), (listed.RecoveryId, listed.VmName, listed.HostName, listed.RaisedAt.ToDateTimeOffset()));
        Assert.StartsWith("ALERT: no fencing method of alfa04 worked after 6 attempts", listed.Summary);
        Assert.Equal(("fencing-alert-ack", $"recovery:{id}", "alice", "db03 on alfa04: called the site"),
            (action.Action, action.Target, action.RequestedBy, action.Detail));
        Assert.Empty(afterAcknowledging.FencingAlerts);
        Assert.Equal(raisedAgainAt, Assert.Single(afterAnotherAlert.FencingAlerts).RaisedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Acknowledging_an_incident_without_an_alert_is_FailedPrecondition_and_an_ended_incident_lists_none()
    {
        await using var api = await ApiHost.StartAsync();
        var (quiet, ended) = (Guid.NewGuid(), Guid.NewGuid());
        await api.PublishAsync(Sample.Started(quiet, "db04", RaisedAt));
        await api.PublishAsync(Sample.Started(ended, "db05", RaisedAt));
        await api.PublishAsync(Alert(ended, RaisedAt.AddMinutes(1), "db05"));
        await api.PublishAsync(Sample.Completed(ended, "db05", RecoveryOutcome.Failed, null, RaisedAt, RaisedAt.AddMinutes(5)));
        await api.DrainAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => api.Operations.AcknowledgeFencingAlertAsync(Acknowledge(quiet)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains($"recovery {quiet} has no fencing alert to acknowledge", error.Status.Detail);
        Assert.Empty((await api.Cluster.ListHostsAsync(new ListHostsRequest())).FencingAlerts);
    }

    [Fact]
    public async Task Acknowledging_needs_the_key()
    {
        await using var api = await ApiHost.StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Operations.OperationsClient(api.Anonymous).AcknowledgeFencingAlertAsync(Acknowledge(Guid.NewGuid())).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private static FencingAlert Alert(Guid id, DateTimeOffset at, string vm = "db03") =>
        new(id, vm, "alfa04", "the BMC did not answer", 6, at);

    private static AcknowledgeFencingAlertRequest Acknowledge(Guid id) =>
        new() { RecoveryId = id.ToString(), Reason = "called the site", RequestedBy = "alice" };
}
