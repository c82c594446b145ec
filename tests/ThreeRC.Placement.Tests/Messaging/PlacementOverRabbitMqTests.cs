using MassTransit;
using ThreeRC.Contracts.Placement;
using ThreeRC.Testing;

namespace ThreeRC.Placement.Tests.Messaging;

public sealed class PlacementOverRabbitMqTests(PlacementServiceOnRabbitMq placement) : IClassFixture<PlacementServiceOnRabbitMq>
{
    [Fact]
    public async Task A_PlaceVm_published_over_RabbitMQ_is_answered_with_one_VmPlaced()
    {
        var recoveryId = Guid.NewGuid();

        await placement.Bus.Publish(new PlaceVm(recoveryId, "gridce", false, 10, DateTimeOffset.UtcNow));

        var placed = (await Eventually.Until(
            () => Task.FromResult(placement.Answers.OfType<VmPlaced>().FirstOrDefault(answer => answer.RecoveryId == recoveryId)),
            answer => answer is not null, TimeSpan.FromSeconds(30), "VmPlaced received"))!;
        Assert.Equal(("gridce", "alfa01", "alfa01"), (placed.VmName, placed.HostName, placed.PreviousHost));
        Assert.StartsWith("current host alfa01 is healthy: restart in place", placed.Reason);
        Assert.Single(placement.Answers, answer => answer is VmPlaced p && p.RecoveryId == recoveryId || answer is NoCapacity n && n.RecoveryId == recoveryId);
    }

    [Fact]
    public async Task A_map_query_over_RabbitMQ_is_answered_by_the_service()
    {
        var where = await placement.Bus.CreateRequestClient<WhereIsVm>().GetResponse<VmLocation>(new WhereIsVm("gridse"));
        var onHost = await placement.Bus.CreateRequestClient<GetVmsOnHost>().GetResponse<VmsOnHost>(new GetVmsOnHost("nowhere"));

        Assert.Equal(new VmLocation("gridse", true, "alfa04"), where.Message);
        Assert.Equal(("nowhere", false), (onHost.Message.HostName, onHost.Message.Known));
    }

    [Fact]
    public async Task Every_consumer_has_its_own_queue_named_after_placement_and_its_message()
    {
        string[] expected =
        [
            "threerc-placement-place-vm", "threerc-placement-preview-placement", "threerc-placement-get-vms-on-host",
            "threerc-placement-where-is-vm", "threerc-placement-host-unresponsive", "threerc-placement-host-responsive",
            "threerc-placement-host-load-reported", "threerc-placement-host-fenced", "threerc-placement-maintenance-changed",
            "threerc-placement-vm-restarted", "threerc-placement-vm-restart-failed", "threerc-placement-recovery-completed",
        ];

        var queues = await placement.Broker.QueueNamesAsync();

        Assert.Equal(expected.Order(), queues.Where(queue => queue.StartsWith("threerc-placement-", StringComparison.Ordinal)).Order());
    }
}
